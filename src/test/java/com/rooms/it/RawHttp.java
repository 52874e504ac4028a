package com.rooms.it;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A handshake written by hand on a plain socket, so a test can send what a
 * WebSocket library would not (no Upgrade header, a bad room id) and read the
 * refusal's status and body as they come off the wire.
 */
final class RawHttp {
    record Answer(int status, String headers, String body) {
    }

    private RawHttp() {
    }

    static Answer handshake(String path, String... headers) throws Exception {
        return handshakeAt(TestServer.BASE, path, headers);
    }

    static Answer handshakeAt(String server, String path, String... headers) throws Exception {
        return handshakeFrom(null, server, path, headers);
    }

    /** From a given local address (127.0.0.2 and up are loopback too): one client machine of many. */
    static Answer handshakeFrom(String localAddress, String server, String path, String... headers) throws Exception {
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n");
        URI base = URI.create(server);
        request.append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
        if (java.util.Arrays.stream(headers).noneMatch(h -> h.startsWith("Connection:"))) {
            request.append("Connection: close\r\n");
        }
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = "https".equals(base.getScheme()) ? tls(base)
                : localAddress == null ? new Socket(base.getHost(), base.getPort())
                : new Socket(base.getHost(), base.getPort(), java.net.InetAddress.getByName(localAddress), 0)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                all.write(buffer, 0, n);
                String text = all.toString(StandardCharsets.UTF_8);
                int end = text.indexOf("\r\n\r\n");
                if (end > 0 && (text.startsWith("HTTP/1.1 101") || complete(text, end, all.size()))) {
                    break;
                }
            }
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            int status = Integer.parseInt(text.substring(9, 12));
            return new Answer(status, text.substring(0, end), text.substring(end + 4));
        }
    }

    /**
     * A TLS socket that accepts the test server's self-signed certificate:
     * the test proves the server speaks TLS, not who it is.
     */
    private static Socket tls(URI base) throws Exception {
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            }

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        } }, null);
        javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) context.getSocketFactory()
                .createSocket(base.getHost(), base.getPort());
        socket.startHandshake();
        return socket;
    }

    private static boolean complete(String text, int headerEnd, int received) {
        for (String line : text.substring(0, headerEnd).split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                return received >= headerEnd + 4 + Integer.parseInt(line.substring(15).trim());
            }
        }
        return false;
    }

    static String[] upgrade(String... more) {
        String[] base = {"Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 13",
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
