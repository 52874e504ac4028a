package com.rooms.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what the JDK client hides: the status and body of a refused WebSocket
 * handshake, and request bodies that are declared or streamed but never finished.
 */
final class Http1 implements AutoCloseable {
    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    Http1(int readTimeoutMillis) throws IOException {
        int port = Wire.BASE_URI.getPort() == -1 ? 80 : Wire.BASE_URI.getPort();
        socket = new Socket(Wire.BASE_URI.getHost(), port);
        socket.setSoTimeout(readTimeoutMillis);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    static String hostHeader() {
        return Wire.BASE_URI.getHost() + (Wire.BASE_URI.getPort() == -1 ? "" : ":" + Wire.BASE_URI.getPort());
    }

    /** A WebSocket upgrade request head; {@code extra} are further header lines (each ending in CRLF). */
    static String upgrade(String path, String extra) {
        return "GET " + path + " HTTP/1.1\r\nHost: " + hostHeader() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" + extra + "\r\n";
    }

    /** Sends a handshake and reads the answer (for a 101 only the head). */
    static Response handshake(String path, String extra) {
        try (Http1 http = new Http1(10_000)) {
            http.write(upgrade(path, extra).getBytes(StandardCharsets.US_ASCII));
            return http.read();
        } catch (IOException e) {
            throw new AssertionError("handshake to " + path + " failed: " + e, e);
        }
    }

    /**
     * Sends a handshake; on 101 sends a WebSocket close (1000) and reads until the server ends the connection, so
     * that the connection is over before the next one.
     */
    static Response handshakeAndClose(String path, String extra) {
        try (Http1 http = new Http1(10_000)) {
            http.write(upgrade(path, extra).getBytes(StandardCharsets.US_ASCII));
            Response response = http.read();
            if (response.status() == 101) {
                byte[] mask = {1, 2, 3, 4};
                byte[] code = {(byte) (1000 >> 8), (byte) (1000 & 0xff)};
                http.write(new byte[] {(byte) 0x88, (byte) 0x82, mask[0], mask[1], mask[2], mask[3],
                        (byte) (code[0] ^ mask[0]), (byte) (code[1] ^ mask[1])});
                try {
                    http.in.transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    // reset or timeout: the connection is over either way
                }
            }
            return response;
        } catch (IOException e) {
            throw new AssertionError("handshake to " + path + " failed: " + e, e);
        }
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads one response: head, then the body by Content-Length, chunks, or to the end of the stream. */
    Response read() throws IOException {
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        if (status == 101) {
            return new Response(status, headers, "");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String length = headers.get("content-length");
        String encoding = headers.get("transfer-encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line();
            }
        } else if (length != null) {
            body.write(in.readNBytes(Integer.parseInt(length)));
        } else {
            try {
                in.transferTo(body);
            } catch (SocketTimeoutException e) {
                // what arrived is the body
            }
        }
        return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("connection closed after: " + line.toString(StandardCharsets.ISO_8859_1));
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
