package com.rooms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * PROTOCOL.md 7: a request body over 64 KiB, declared or streamed, is refused
 * 413 without being read further, before any credentials are checked; the
 * server goes on answering everyone else.
 */
class RequestBodyLimitIT {
    private static final int CHUNK = 64 * 1024;

    private record Refusal(int status, String answer, long bytesSent) {
    }

    @Test
    void unauthenticatedChunkedBodyOf200MiBIsRefused413AfterLessThan1MiB() throws Exception {
        Refusal refusal = streamChunked("/api/rooms/" + TestServer.room("body") + "/tickets", 200L * 1024 * 1024);
        assertEquals(413, refusal.status(), refusal.answer());
        assertTrue(refusal.answer().contains("\"error\":\"too-large\""), refusal.answer());
        assertTrue(refusal.bytesSent() < 1024 * 1024, "sent " + refusal.bytesSent() + " bytes before the refusal");
        serverStillAnswers();
    }

    @Test
    void declaredBodyOf1GiBIsRefused413FromItsHeadersAlone() throws Exception {
        String answer = declareOnly(1_073_741_824L);
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        serverStillAnswers();
    }

    @Test
    void declaredBodyJustOverTheLimitGetsTheJsonRefusalFromItsHeadersAlone() throws Exception {
        String answer = declareOnly(65_537);
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("\"error\":\"too-large\""), answer);
        serverStillAnswers();
    }

    /** Sends the headers of a ticket request declaring {@code length} bytes of body, and no body; the answer. */
    private static String declareOnly(long length) throws IOException {
        URI base = URI.create(TestServer.BASE);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/rooms/" + TestServer.room("body") + "/tickets HTTP/1.1\r\nHost: " + base.getHost()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return readAnswer(socket.getInputStream());
        }
    }

    @Test
    void bodyOfExactly64KiBIsReadAndJudgedAsUsual() {
        String room = TestServer.room("body");
        String open = "{\"pad\":\"";
        String padded = open + "x".repeat(65_536 - open.length() - 2) + "\"}";
        assertEquals(65_536, padded.length());
        var answer = TestServer.post("/api/rooms/" + room + "/tickets", padded, TestServer.token(TestServer.user("u")));
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("empty or {}"), answer.body());
    }

    @Test
    void bodyJustUnderTheLimitIsReadAndJudgedAsUsual() {
        String room = TestServer.room("body");
        String padded = "{\"pad\":\"" + "x".repeat(60_000) + "\"}";
        var answer = TestServer.post("/api/rooms/" + room + "/tickets", padded, TestServer.token(TestServer.user("u")));
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("empty or {}"), answer.body());
    }

    @Test
    void oversizedBodyWithAValidTokenIsStill413() {
        String big = "{\"pad\":\"" + "x".repeat(70_000) + "\"}";
        var answer = TestServer.post("/api/dev/token", big, TestServer.token(TestServer.user("u")));
        assertEquals(413, answer.statusCode(), answer.body());
        serverStillAnswers();
    }

    /** Streams a chunked body until the server answers or closes; what it answered and how much went out. */
    private static Refusal streamChunked(String path, long total) throws Exception {
        URI base = URI.create(TestServer.BASE);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost()
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[CHUNK];
            Arrays.fill(chunk, (byte) 'a');
            byte[] head = (Integer.toHexString(CHUNK) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            long sent = 0;
            byte[] buffer = new byte[8192];
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (sent < total && System.nanoTime() < deadline) {
                try {
                    out.write(head);
                    out.write(chunk);
                    out.write(new byte[] {'\r', '\n'});
                    sent += CHUNK;
                } catch (IOException closedByServer) {
                    break;
                }
                try {
                    int n = in.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    answer.write(buffer, 0, n);
                    break;
                } catch (SocketTimeoutException nothingYet) {
                    // keep sending
                }
            }
            socket.setSoTimeout(10_000);
            String rest = readAnswer(in);
            String all = answer.toString(StandardCharsets.UTF_8) + rest;
            int status = all.startsWith("HTTP/1.1 ") ? Integer.parseInt(all.substring(9, 12)) : -1;
            return new Refusal(status, all, sent);
        }
    }

    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                all.write(buffer, 0, n);
            }
        } catch (IOException reset) {
            // the server closed the connection after answering
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    private static void serverStillAnswers() {
        assertEquals(200, TestServer.call("GET", "/health/ready", null, null).statusCode());
        String user = TestServer.user("after");
        var ticket = TestServer.post("/api/rooms/" + TestServer.room("after") + "/tickets", "{}", TestServer.token(user));
        assertEquals(201, ticket.statusCode(), ticket.body());
    }
}
