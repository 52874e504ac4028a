package com.rooms.storage;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import com.rooms.room.InServer;

/** The store contract on PostgreSQL (the test server's jdbc/rooms-postgres; scripts/postgres-for-tests). */
@ExtendWith(ArquillianExtension.class)
class StoresOnPostgresIT extends DatabaseStoreContract {

    @Deployment
    static WebArchive deployment() {
        return InServer.archive("rooms-stores-pg.war", "jdbc/rooms-postgres")
                .addClasses(StoreContract.class, DatabaseStoreContract.class);
    }
}
