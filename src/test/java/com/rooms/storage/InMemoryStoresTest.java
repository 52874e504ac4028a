package com.rooms.storage;

import org.junit.jupiter.api.BeforeEach;

import com.rooms.history.InMemoryHistoryStore;
import com.rooms.membership.InMemoryRoomDirectory;

/** The store contract on the in-memory doubles of the unit tests. */
class InMemoryStoresTest extends StoreContract {

    @BeforeEach
    void freshStores() {
        history = new InMemoryHistoryStore();
        directory = new InMemoryRoomDirectory();
    }
}
