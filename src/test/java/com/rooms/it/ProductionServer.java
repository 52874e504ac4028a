package com.rooms.it;

import java.io.IOException;

/**
 * The production-mode test server ({@code rooms-durable}, port 19180), shared
 * by the tests that need it and started on first use: rooms only through the
 * API, no demo sign-in, the portal's keys from a JWKS the test serves, and
 * its database either embedded or PostgreSQL behind a link the test can cut.
 * It is stopped when the test JVM exits.
 */
final class ProductionServer {
    enum Database { EMBEDDED, POSTGRES }

    private static ProductionServer instance;

    final LibertyServer server = new LibertyServer(
            System.getProperty("rooms.it.durable.server", "rooms-durable"),
            Integer.getInteger("rooms.it.durable.port", 19180));
    final PortalTokens portal;
    final JwksServer jwks;
    final TcpLink link;
    private Database running;

    private ProductionServer() throws Exception {
        portal = new PortalTokens("portal-key-1");
        jwks = new JwksServer();
        jwks.publish(PortalTokens.jwks(portal));
        link = new TcpLink(Integer.getInteger("rooms.it.durable.proxy.port", 15432), "127.0.0.1", 5432);
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown));
    }

    static synchronized ProductionServer get() throws Exception {
        if (instance == null) {
            instance = new ProductionServer();
        }
        return instance;
    }

    String base() {
        return server.base;
    }

    /** Runs the server on the given database, restarting it if it runs on another. */
    synchronized void on(Database database) throws Exception {
        if (running == database) {
            return;
        }
        if (running != null) {
            server.stop();
            running = null;
        }
        String pg = System.getProperty("rooms.it.pg.url", "jdbc:postgresql://127.0.0.1:5432/rooms_it")
                .replace(":5432/", ":" + Integer.getInteger("rooms.it.durable.proxy.port", 15432) + "/");
        server.override("test-database.xml", database == Database.POSTGRES
                ? "<server><variable name=\"rooms.db.driver\" value=\"postgresql\"/>"
                        + "<variable name=\"rooms.db.url\" value=\"" + pg + "\"/>"
                        + "<variable name=\"rooms.db.user\" value=\"postgres\"/></server>"
                : "<server><variable name=\"rooms.db.driver\" value=\"h2\"/></server>");
        server.override("test-keys.xml", "<server><variable name=\"rooms.jwt.jwks.location\" value=\""
                + jwks.location() + "\"/></server>");
        server.start();
        running = database;
    }

    /** Any database will do. */
    synchronized void running() throws Exception {
        on(running == null ? Database.POSTGRES : running);
    }

    void kill() throws Exception {
        server.kill();
    }

    void restart() throws Exception {
        server.start();
    }

    private synchronized void shutdown() {
        try {
            if (running != null) {
                server.stop();
            }
        } catch (Exception e) {
            // the JVM is going away
        }
        jwks.close();
        try {
            link.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
