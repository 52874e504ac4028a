package com.rooms.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client connection on plain NIO (RFC 6455, client side only):
 * no thread of its own, one {@link Loop} reads for many. It can bind a local
 * address (the JDK's WebSocket client cannot), which lets one load generator
 * hold more connections than one source address has ports. Sends may come
 * from any thread; a send that does not complete at once is finished by the
 * loop. Pings are answered by the loop.
 */
final class Wire {
    /** What a connection hands on. {@code payload} is a text message's bytes, valid only during the call. */
    interface Listener {
        void text(Wire wire, ByteBuffer payload, long receivedNanos);

        default void closed(Wire wire, int code) {
        }
    }

    private static final byte[] CRLFCRLF = {'\r', '\n', '\r', '\n'};
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int SMALL = 2048;

    private final Loop loop;
    private final SocketChannel channel;
    private final Listener listener;
    private final byte[] request;
    private final String expectedAccept;
    private final CompletableFuture<Wire> opened = new CompletableFuture<>();
    private final ArrayDeque<ByteBuffer> unsent = new ArrayDeque<>();
    private SelectionKey key;
    private ByteBuffer in = ByteBuffer.allocate(SMALL);
    private ByteBuffer fragments;
    /** The size of the frame waiting to be read whole, when it is bigger than the buffer. */
    private int needed;
    private boolean upgraded;
    private volatile boolean closed;

    private Wire(Loop loop, SocketChannel channel, URI uri, Map<String, String> headers, Listener listener) {
        this.loop = loop;
        this.channel = channel;
        this.listener = listener;
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String secKey = Base64.getEncoder().encodeToString(nonce);
        this.expectedAccept = accept(secKey);
        StringBuilder head = new StringBuilder(256)
                .append("GET ").append(uri.getRawPath())
                .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                .append("Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n")
                .append("Sec-WebSocket-Key: ").append(secKey).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        this.request = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Connects (from {@code local}, if not null) and completes once the upgrade is answered 101. */
    static CompletableFuture<Wire> open(Loop loop, URI uri, Map<String, String> headers, InetAddress local,
                                        Listener listener) {
        try {
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (local != null) {
                channel.bind(new InetSocketAddress(local, 0));
            }
            Wire wire = new Wire(loop, channel, uri, headers, listener);
            loop.execute(() -> wire.start(new InetSocketAddress(uri.getHost(), uri.getPort())));
            return wire.opened;
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void start(InetSocketAddress remote) {
        try {
            key = channel.register(loop.selector, 0, this);
            if (channel.connect(remote)) {
                connected();
            } else {
                key.interestOps(SelectionKey.OP_CONNECT);
            }
        } catch (IOException e) {
            fail(e);
        }
    }

    boolean isOpen() {
        return upgraded && !closed;
    }

    /** Sends a text message. */
    void send(byte[] utf8) {
        write(frame(0x1, utf8, utf8.length));
    }

    void send(String text) {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes these bytes as they are (hand-made frames, or pieces of one); false once the connection is closed. */
    boolean sendRaw(byte[] bytes) {
        if (closed) {
            return false;
        }
        write(ByteBuffer.wrap(bytes));
        return true;
    }

    /** Starts a clean close (1000). */
    void close() {
        byte[] body = {(byte) 0x03, (byte) 0xE8};
        write(frame(0x8, body, body.length));
    }

    /** Drops the TCP connection at once. */
    void abort() {
        closed = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    void ready(SelectionKey k) {
        try {
            if (k.isConnectable()) {
                channel.finishConnect();
                connected();
                return;
            }
            if (k.isWritable()) {
                flush();
            }
            if (k.isReadable()) {
                read();
            }
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    private void connected() throws IOException {
        key.interestOps(SelectionKey.OP_READ);
        write(ByteBuffer.wrap(request));
    }

    private void read() throws IOException {
        int n = channel.read(in);
        if (n < 0) {
            fail(new IOException("connection closed by the server"));
            return;
        }
        long now = System.nanoTime();
        in.flip();
        if (upgraded || readUpgrade()) {
            while (!closed && parseFrame(now)) {
                // one frame handled per turn
            }
        }
        if (in.hasRemaining() || in.capacity() <= SMALL) {
            in.compact();
        } else {
            in = ByteBuffer.allocate(SMALL);
        }
        if (needed > in.capacity()) {
            grow(needed);
        } else if (!in.hasRemaining()) {
            grow(in.capacity() * 2);
        }
    }

    private boolean readUpgrade() throws IOException {
        int end = indexOf(in, CRLFCRLF);
        if (end < 0) {
            return false;
        }
        byte[] head = new byte[end + 4];
        in.get(head);
        String response = new String(head, StandardCharsets.ISO_8859_1);
        if (!response.startsWith("HTTP/1.1 101")) {
            throw new IOException("upgrade refused: " + response.lines().findFirst().orElse(""));
        }
        if (!response.toLowerCase().contains("sec-websocket-accept: " + expectedAccept.toLowerCase())) {
            throw new IOException("upgrade answered with the wrong Sec-WebSocket-Accept");
        }
        upgraded = true;
        opened.complete(this);
        return true;
    }

    /** Handles one complete frame at the buffer's position; false when the buffer holds no complete frame. */
    private boolean parseFrame(long now) throws IOException {
        int start = in.position();
        int available = in.remaining();
        if (available < 2) {
            return false;
        }
        int b0 = in.get(start) & 0xFF;
        int b1 = in.get(start + 1) & 0xFF;
        int header = 2;
        long length = b1 & 0x7F;
        if (length == 126) {
            header = 4;
            if (available < header) {
                return false;
            }
            length = in.getShort(start + 2) & 0xFFFF;
        } else if (length == 127) {
            header = 10;
            if (available < header) {
                return false;
            }
            length = in.getLong(start + 2);
        }
        if (available < header + length) {
            needed = (int) (header + length);
            return false;
        }
        needed = 0;
        int opcode = b0 & 0x0F;
        boolean fin = (b0 & 0x80) != 0;
        ByteBuffer payload = in.slice(start + header, (int) length);
        in.position(start + header + (int) length);
        switch (opcode) {
            case 0x0, 0x1 -> text(payload, fin, opcode == 0x0, now);
            case 0x9 -> pong(payload);
            case 0x8 -> closedByServer(payload);
            default -> {
                // pongs and binary frames carry nothing for the load generator
            }
        }
        return true;
    }

    private void text(ByteBuffer payload, boolean fin, boolean continuation, long now) {
        if (!continuation && fin) {
            listener.text(this, payload, now);
            return;
        }
        if (!continuation) {
            fragments = ByteBuffer.allocate(Math.max(SMALL, payload.remaining() * 2));
        }
        if (fragments.remaining() < payload.remaining()) {
            ByteBuffer bigger = ByteBuffer.allocate((fragments.capacity() + payload.remaining()) * 2);
            fragments.flip();
            fragments = bigger.put(fragments);
        }
        fragments.put(payload);
        if (fin) {
            fragments.flip();
            listener.text(this, fragments, now);
            fragments = null;
        }
    }

    private void pong(ByteBuffer payload) {
        byte[] body = new byte[payload.remaining()];
        payload.get(body);
        write(frame(0xA, body, body.length));
    }

    private void closedByServer(ByteBuffer payload) throws IOException {
        int code = payload.remaining() >= 2 ? payload.getShort(payload.position()) & 0xFFFF : 1005;
        closed = true;
        channel.close();
        listener.closed(this, code);
    }

    /** Enlarges the buffer, which is in write mode. */
    private void grow(int capacity) {
        ByteBuffer bigger = ByteBuffer.allocate(capacity);
        in.flip();
        bigger.put(in);
        in = bigger;
    }

    private static int indexOf(ByteBuffer buffer, byte[] needle) {
        outer:
        for (int i = buffer.position(); i <= buffer.limit() - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (buffer.get(i + j) != needle[j]) {
                    continue outer;
                }
            }
            return i - buffer.position();
        }
        return -1;
    }

    /** A masked client frame. */
    private static ByteBuffer frame(int opcode, byte[] payload, int length) {
        int header = length < 126 ? 2 : length < 65536 ? 4 : 10;
        ByteBuffer frame = ByteBuffer.allocate(header + 4 + length);
        frame.put((byte) (0x80 | opcode));
        if (length < 126) {
            frame.put((byte) (0x80 | length));
        } else if (length < 65536) {
            frame.put((byte) (0x80 | 126)).putShort((short) length);
        } else {
            frame.put((byte) (0x80 | 127)).putLong(length);
        }
        int mask = ThreadLocalRandom.current().nextInt();
        frame.putInt(mask);
        byte[] m = {(byte) (mask >>> 24), (byte) (mask >>> 16), (byte) (mask >>> 8), (byte) mask};
        for (int i = 0; i < length; i++) {
            frame.put((byte) (payload[i] ^ m[i & 3]));
        }
        return frame.flip();
    }

    private void write(ByteBuffer bytes) {
        IOException failure = null;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (unsent.isEmpty()) {
                try {
                    channel.write(bytes);
                } catch (IOException e) {
                    failure = e;
                }
                if (failure == null && !bytes.hasRemaining()) {
                    return;
                }
            }
            if (failure == null) {
                unsent.add(bytes);
                if (key != null && key.isValid()) {
                    key.interestOpsOr(SelectionKey.OP_WRITE);
                }
            }
        }
        if (failure != null) {
            fail(failure);
            return;
        }
        if (!loop.inLoop()) {
            loop.selector.wakeup();
        }
    }

    private void flush() throws IOException {
        synchronized (this) {
            while (!unsent.isEmpty()) {
                ByteBuffer head = unsent.peek();
                channel.write(head);
                if (head.hasRemaining()) {
                    return;
                }
                unsent.poll();
            }
            key.interestOpsAnd(~SelectionKey.OP_WRITE);
        }
    }

    private void fail(Exception e) {
        boolean wasOpen = upgraded && !closed;
        closed = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        if (!opened.isDone()) {
            opened.completeExceptionally(e);
        } else if (wasOpen) {
            listener.closed(this, 1006);
        }
    }

    private static String accept(String secKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((secKey + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
