package com.rooms.it;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a plain socket that writes whatever frames the test
 * asks for (fragments, binary, continuations, control frames, in any order)
 * and reads the server's frames one at a time; it answers nothing by
 * itself, so a test decides whether a close is ever answered.
 */
final class RawWebSocket implements AutoCloseable {
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CONTINUATION = 0x0;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;

    record Frame(int opcode, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = socket.getOutputStream();
    }

    /** Opens {@code /ws/rooms/<room>} with the token; throws when the handshake is not 101. */
    static RawWebSocket join(String roomId, String token) throws IOException {
        URI base = URI.create(TestServer.BASE);
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(15_000);
        RawWebSocket ws = new RawWebSocket(socket);
        String request = "GET /ws/rooms/" + roomId + " HTTP/1.1\r\n"
                + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: " + key() + "\r\n"
                + "Authorization: Bearer " + token + "\r\n\r\n";
        ws.out.write(request.getBytes(StandardCharsets.US_ASCII));
        ws.out.flush();
        String status = ws.line();
        if (!status.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("handshake refused: " + status);
        }
        while (!ws.line().isEmpty()) {
            // response headers
        }
        return ws;
    }

    /** A fresh handshake key: 16 random bytes, base64 (RFC 6455 4.1). */
    private static String key() {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        return java.util.Base64.getEncoder().encodeToString(nonce);
    }

    /** Writes one masked frame, as every client must. */
    void send(boolean fin, int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write((fin ? 0x80 : 0) | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >>> shift) & 0xFF);
            }
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.write(mask, 0, 4);
        byte[] masked = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            masked[i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        frame.write(masked, 0, masked.length);
        out.write(frame.toByteArray());
        out.flush();
    }

    void sendText(String text) throws IOException {
        send(true, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    void sendClose(int code) throws IOException {
        send(true, CLOSE, new byte[] {(byte) (code >>> 8), (byte) code});
    }

    /** From now on {@link #next()} waits as long as the server sends nothing (15 s otherwise). */
    void readWithoutDeadline() throws IOException {
        socket.setSoTimeout(0);
    }

    /** The next frame from the server; throws {@link EOFException} when the server ended the connection. */
    Frame next() throws IOException {
        int first = in.readUnsignedByte();
        long length = in.readUnsignedByte() & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new Frame(first & 0x0F, payload);
    }

    /** Reads frames until the server's close frame; returns it. */
    Frame untilClose() throws IOException {
        while (true) {
            Frame frame = next();
            if (frame.opcode() == CLOSE) {
                return frame;
            }
        }
    }

    /**
     * Whether the server ends the TCP connection (end of stream, or a reset)
     * within {@code millis}, discarding anything it still sends.
     */
    boolean endsWithin(long millis) throws IOException {
        long deadline = System.currentTimeMillis() + millis;
        byte[] sink = new byte[8192];
        while (true) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            socket.setSoTimeout((int) left);
            try {
                if (in.read(sink) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException reset) {
                return true;
            }
        }
    }

    /** Writes what it can, ignoring a connection the server has already dropped. */
    void sendQuietly(boolean fin, int opcode, byte[] payload) {
        try {
            send(fin, opcode, payload);
        } catch (IOException dropped) {
            // the server may end the connection while the test still writes
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
