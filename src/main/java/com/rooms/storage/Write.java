package com.rooms.storage;

import jakarta.persistence.EntityManager;

/** One change for the {@link GroupCommit}: applied inside a shared transaction, told the outcome after it. */
public interface Write {

    void apply(EntityManager em);

    /** The change is durable. Runs on the committing thread, in submission order. */
    default void committed() {
    }

    /** The change was not made; nothing of it remains. */
    default void failed(RuntimeException cause) {
    }
}
