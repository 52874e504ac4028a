package com.rooms.it;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/** The portal's key endpoint, played by the test: serves whatever JWKS it was last given. */
final class JwksServer implements AutoCloseable {
    private final HttpServer server;
    private volatile String jwks = "{\"keys\":[]}";

    JwksServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks", exchange -> {
            byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String location() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    void publish(String set) {
        this.jwks = set;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
