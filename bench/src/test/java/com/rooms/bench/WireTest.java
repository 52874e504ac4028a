package com.rooms.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The load generator's WebSocket client against a server end written out in
 * the test ({@link PeerSocket}), which checks the bytes on the wire; the
 * JDK's own client is run against the same server end once, so the checks
 * rest on a server that a real client accepts.
 */
class WireTest {
    private final Loop loop = new Loop("wire-test");
    private final PeerSocket peer = new PeerSocket();
    private final LinkedBlockingQueue<String> texts = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final Wire.Listener listener = new Wire.Listener() {
        @Override
        public void text(Wire wire, ByteBuffer payload, long receivedNanos) {
            texts.add(StandardCharsets.UTF_8.decode(payload).toString());
        }

        @Override
        public void closed(Wire wire, int code) {
            closed.complete(code);
        }
    };

    WireTest() throws IOException {
    }

    @AfterEach
    void stop() throws IOException {
        peer.close();
        loop.close();
    }

    private Wire open(Map<String, String> headers, InetAddress local) throws Exception {
        CompletableFuture<Wire> opening = Wire.open(loop, peer.uri("/ws/rooms/r"), headers, local, listener);
        peer.accept().upgrade();
        return opening.get(10, TimeUnit.SECONDS);
    }

    private Wire open() throws Exception {
        return open(Map.of(), null);
    }

    private String nextText() throws InterruptedException {
        String text = texts.poll(10, TimeUnit.SECONDS);
        assertNotNull(text, "no text message within 10 s");
        return text;
    }

    private static String letters(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + i % 26));
        }
        return text.toString();
    }

    @Test
    void theUpgradeRequestCarriesTheRfc6455HeadersAndTheCallersOwn() throws Exception {
        Wire wire = open(Map.of("Authorization", "Bearer t0ken"), null);

        assertEquals("GET /ws/rooms/r HTTP/1.1", peer.requestLine);
        assertEquals("websocket", peer.headers.get("upgrade"));
        assertEquals("Upgrade", peer.headers.get("connection"));
        assertEquals("13", peer.headers.get("sec-websocket-version"));
        assertEquals(16, java.util.Base64.getDecoder().decode(peer.headers.get("sec-websocket-key")).length);
        assertTrue(peer.headers.get("host").endsWith(":" + peer.uri("/").getPort()));
        assertEquals("Bearer t0ken", peer.headers.get("authorization"));
        assertTrue(wire.isOpen());
    }

    @Test
    void anUpgradeAnsweredWithTheWrongAcceptValueFailsTheOpen() throws Exception {
        CompletableFuture<Wire> opening = Wire.open(loop, peer.uri("/ws/rooms/r"), Map.of(), null, listener);
        peer.accept().answer("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + PeerSocket.accept("another key") + "\r\n\r\n");

        ExecutionException failed = assertThrows(ExecutionException.class, () -> opening.get(10, TimeUnit.SECONDS));
        assertTrue(failed.getCause().getMessage().contains("Sec-WebSocket-Accept"), failed.getCause().getMessage());
    }

    @Test
    void aRefusedUpgradeFailsTheOpenWithTheStatusLine() throws Exception {
        CompletableFuture<Wire> opening = Wire.open(loop, peer.uri("/ws/rooms/r"), Map.of(), null, listener);
        peer.accept().answer("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 3\r\nContent-Length: 0\r\n\r\n");

        ExecutionException failed = assertThrows(ExecutionException.class, () -> opening.get(10, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, failed.getCause());
        assertTrue(failed.getCause().getMessage().contains("429"), failed.getCause().getMessage());
    }

    @Test
    void textFramesAreMaskedAndUseTheLengthFormTheirSizeNeeds() throws Exception {
        Wire wire = open();
        int[][] cases = {{0, 0}, {125, 125}, {126, 126}, {65535, 126}, {65536, 127}, {200_000, 127}};
        for (int[] c : cases) {
            String text = letters(c[0]);
            wire.send(text);

            PeerSocket.Frame frame = peer.read();
            assertTrue(frame.fin(), c[0] + " bytes: one frame");
            assertEquals(0, frame.rsv());
            assertEquals(0x1, frame.opcode());
            assertTrue(frame.masked(), "a client must mask");
            assertEquals(c[1], frame.lengthField(), c[0] + " bytes take length form " + c[1]);
            assertEquals(text, frame.text(), c[0] + " bytes arrive unmasked as sent");
        }
    }

    @Test
    void eachFrameHasItsOwnMask() throws Exception {
        Wire wire = open();
        Set<String> masks = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            wire.send("same text");
            masks.add(Arrays.toString(peer.read().mask()));
        }
        assertTrue(masks.size() > 1, "eight frames, one mask: " + masks);
    }

    @Test
    void multiByteTextIsSentAsUtf8() throws Exception {
        Wire wire = open();
        wire.send("grüße ✓ 😀");

        assertEquals("grüße ✓ 😀", peer.read().text());
    }

    @Test
    void serverTextFramesOfEveryLengthFormArriveWhole() throws Exception {
        open();
        for (int length : new int[] {0, 125, 126, 2047, 2048, 2049, 65535, 65536, 300_000}) {
            String text = letters(length);
            peer.sendText(text);
            assertEquals(text, nextText(), length + " bytes");
        }
    }

    @Test
    void framesSplitAcrossReadsAndFramesSharingOneReadAreEachDeliveredOnce() throws Exception {
        open();
        byte[] first = PeerSocket.frame(true, 0x1, "first".getBytes(StandardCharsets.UTF_8));
        for (byte b : first) {
            peer.writeRaw(new byte[] {b});
        }
        assertEquals("first", nextText());

        byte[] two = concat(PeerSocket.frame(true, 0x1, "second".getBytes(StandardCharsets.UTF_8)),
                PeerSocket.frame(true, 0x1, "third".getBytes(StandardCharsets.UTF_8)));
        peer.writeRaw(two);
        assertEquals("second", nextText());
        assertEquals("third", nextText());
    }

    @Test
    void aFragmentedMessageIsDeliveredAsOneWithAPingBetweenItsFragmentsAnswered() throws Exception {
        open();
        String big = letters(5000);
        peer.send(false, 0x1, "Hello, ".getBytes(StandardCharsets.UTF_8));
        peer.send(false, 0x0, big.getBytes(StandardCharsets.UTF_8));
        peer.send(true, 0x9, "mid".getBytes(StandardCharsets.UTF_8));
        peer.send(false, 0x0, big.getBytes(StandardCharsets.UTF_8));
        peer.send(true, 0x0, "world".getBytes(StandardCharsets.UTF_8));

        PeerSocket.Frame pong = peer.read();
        assertEquals(0xA, pong.opcode(), "a control frame may come between fragments");
        assertEquals("mid", pong.text());
        assertEquals("Hello, " + big + big + "world", nextText());
        assertTrue(texts.isEmpty(), "the fragments were not handed on alone");
    }

    @Test
    void aPingIsAnsweredWithAMaskedPongCarryingItsPayload() throws Exception {
        open();
        byte[] payload = {0, 1, 2, (byte) 0xFF, 125};
        peer.send(true, 0x9, payload);

        PeerSocket.Frame pong = peer.read();
        assertTrue(pong.fin());
        assertEquals(0xA, pong.opcode());
        assertTrue(pong.masked());
        assertArrayEquals(payload, pong.payload());
    }

    @Test
    void pongsAndBinaryFramesAreIgnored() throws Exception {
        open();
        peer.send(true, 0xA, "unasked".getBytes(StandardCharsets.UTF_8));
        peer.send(true, 0x2, new byte[] {1, 2, 3});
        peer.sendText("after");

        assertEquals("after", nextText());
    }

    @Test
    void theServersCloseCodeIsHandedOn() throws Exception {
        Wire wire = open();
        peer.send(true, 0x8, new byte[] {(byte) 0x0F, (byte) 0xA1, 'b', 'y', 'e'});

        assertEquals(4001, closed.get(10, TimeUnit.SECONDS));
        assertFalse(wire.isOpen());
        assertFalse(wire.sendRaw(new byte[] {1}), "nothing is written after the close");
    }

    @Test
    void aCloseWithoutACodeIsHandedOnAs1005() throws Exception {
        open();
        peer.send(true, 0x8, new byte[0]);

        assertEquals(1005, closed.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aConnectionDroppedWithoutACloseFrameIsHandedOnAs1006() throws Exception {
        open();
        peer.cut();

        assertEquals(1006, closed.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aCleanCloseSendsAMaskedCloseFrameWithCode1000() throws Exception {
        Wire wire = open();
        wire.close();

        PeerSocket.Frame close = peer.read();
        assertTrue(close.fin());
        assertEquals(0x8, close.opcode());
        assertTrue(close.masked());
        assertArrayEquals(new byte[] {0x03, (byte) 0xE8}, close.payload());
    }

    @Test
    void rawBytesAreWrittenAsTheyAre() throws Exception {
        Wire wire = open();
        byte[] unmaskedWithRsv = {(byte) 0xC1, 0x02, 'h', 'i'};
        assertTrue(wire.sendRaw(unmaskedWithRsv));

        PeerSocket.Frame frame = peer.read();
        assertEquals(4, frame.rsv(), "RSV1 as written");
        assertFalse(frame.masked(), "no mask added");
        assertEquals("hi", frame.text());
    }

    @Test
    void aConnectionCanComeFromAChosenLocalAddress() throws Exception {
        InetAddress second = InetAddress.getByName("127.0.0.2");
        open(Map.of(), second);

        assertEquals(second, peer.remoteAddress());
    }

    @Test
    void theServerEndInTheseTestsIsOneTheJdksClientAccepts() throws Exception {
        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        StringBuilder partial = new StringBuilder();
        CompletableFuture<WebSocket> opening = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(peer.uri("/ws/rooms/r"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            received.add(partial.toString());
                            partial.setLength(0);
                        }
                        socket.request(1);
                        return null;
                    }
                });
        peer.accept().upgrade();
        WebSocket jdk = opening.get(10, TimeUnit.SECONDS);

        String big = letters(65536);
        jdk.sendText(big, true).get(10, TimeUnit.SECONDS);
        StringBuilder message = new StringBuilder();
        PeerSocket.Frame frame = peer.read();
        assertEquals(0x1, frame.opcode());
        message.append(frame.text());
        while (!frame.fin()) {
            frame = peer.read();
            assertEquals(0x0, frame.opcode(), "the JDK sends a long message in fragments");
            message.append(frame.text());
        }
        assertEquals(big, message.toString(), "the server end unmasks and joins what the JDK sent");

        peer.sendText(letters(126));
        peer.send(false, 0x1, "frag".getBytes(StandardCharsets.UTF_8));
        peer.send(true, 0x0, "ment".getBytes(StandardCharsets.UTF_8));
        assertEquals(letters(126), received.poll(10, TimeUnit.SECONDS));
        assertEquals("fragment", received.poll(10, TimeUnit.SECONDS));

        jdk.sendClose(1000, "").get(10, TimeUnit.SECONDS);
        PeerSocket.Frame close = peer.read();
        assertEquals(0x8, close.opcode());
        assertArrayEquals(new byte[] {0x03, (byte) 0xE8}, close.payload(), "the same close frame Wire sends");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
