package com.rooms.storage;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import com.rooms.room.InServer;

/** The store contract on the server's own data source: embedded H2. */
@ExtendWith(ArquillianExtension.class)
class StoresOnEmbeddedDatabaseIT extends DatabaseStoreContract {

    @Deployment
    static WebArchive deployment() {
        return InServer.archive("rooms-stores-h2.war").addClasses(StoreContract.class, DatabaseStoreContract.class);
    }
}
