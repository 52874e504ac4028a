package com.rooms.room;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Deployments for Arquillian tests that run inside the server: the WAR the
 * build just packaged, without its WebSocket, HTTP and monitoring adapters,
 * so a test deployment does not compete with the application under test for
 * its endpoint or its metric names. A test adds its own classes.
 */
public final class InServer {
    private InServer() {
    }

    public static WebArchive archive(String name) {
        WebArchive war = ShrinkWrap.create(ZipImporter.class, name)
                .importFrom(new File(System.getProperty("rooms.it.war", "target/rooms.war")))
                .as(WebArchive.class);
        for (String adapter : new String[] {"websocket", "api", "ops", "admin"}) {
            war.delete("/WEB-INF/classes/com/rooms/" + adapter);
        }
        return war;
    }
}
