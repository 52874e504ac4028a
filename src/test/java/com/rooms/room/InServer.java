package com.rooms.room;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
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
                .as(WebArchive.class)
                .addClasses(InServer.class, TestMetrics.class);
        for (String adapter : new String[] {"websocket", "api", "ops", "admin"}) {
            war.delete("/WEB-INF/classes/com/rooms/" + adapter);
        }
        return war;
    }

    /** The same, with its persistence unit and schema migration on another data source. */
    public static WebArchive archive(String name, String dataSource) {
        WebArchive war = archive(name);
        String persistence = text(war, "/WEB-INF/classes/META-INF/persistence.xml")
                .replace("<jta-data-source>jdbc/rooms</jta-data-source>",
                        "<jta-data-source>" + dataSource + "</jta-data-source>");
        String config = text(war, "/WEB-INF/classes/META-INF/microprofile-config.properties")
                + "\nrooms.db.jndi=" + dataSource + "\n";
        war.delete("/WEB-INF/classes/META-INF/persistence.xml");
        war.delete("/WEB-INF/classes/META-INF/microprofile-config.properties");
        return war.addAsResource(new StringAsset(persistence), "META-INF/persistence.xml")
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
    }

    private static String text(WebArchive war, String path) {
        try (InputStream in = war.get(path).getAsset().openStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
