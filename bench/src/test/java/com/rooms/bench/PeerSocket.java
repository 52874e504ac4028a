package com.rooms.bench;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The server end of one WebSocket connection, written out byte by byte in
 * the test so that what a client puts on the wire can be checked exactly
 * (RFC 6455 section 5). Blocking, one connection, 10 s read timeout.
 */
final class PeerSocket implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** A frame as it arrived: its header fields, the length form used and the unmasked payload. */
    record Frame(boolean fin, int rsv, int opcode, boolean masked, int lengthField, byte[] mask, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final ServerSocket listening;
    private Socket socket;
    private DataInputStream in;
    private OutputStream out;
    /** The request line and headers of the upgrade, names in lower case. */
    String requestLine;
    final Map<String, String> headers = new LinkedHashMap<>();

    PeerSocket() throws IOException {
        listening = new ServerSocket();
        listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        listening.setSoTimeout(10_000);
    }

    URI uri(String path) {
        return URI.create("ws://127.0.0.1:" + listening.getLocalPort() + path);
    }

    /** Accepts the connection and reads the upgrade request, answering nothing yet. */
    PeerSocket accept() throws IOException {
        socket = listening.accept();
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            head.write(in.readUnsignedByte());
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        requestLine = lines[0];
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        return this;
    }

    InetAddress remoteAddress() {
        return socket.getInetAddress();
    }

    /** Accepts the upgrade as a server must: 101 with the key's accept value. */
    void upgrade() throws IOException {
        answer("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept(headers.get("sec-websocket-key")) + "\r\n\r\n");
    }

    void answer(String response) throws IOException {
        writeRaw(response.getBytes(StandardCharsets.ISO_8859_1));
    }

    static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads one frame from the client. */
    Frame read() throws IOException {
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        int lengthField = b1 & 0x7F;
        long length = lengthField;
        if (lengthField == 126) {
            length = in.readUnsignedShort();
        } else if (lengthField == 127) {
            length = in.readLong();
        }
        boolean masked = (b1 & 0x80) != 0;
        byte[] mask = new byte[4];
        if (masked) {
            in.readFully(mask);
        }
        byte[] payload = new byte[Math.toIntExact(length)];
        in.readFully(payload);
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i & 3];
        }
        return new Frame((b0 & 0x80) != 0, (b0 >> 4) & 0x7, b0 & 0x0F, masked, lengthField, mask, payload);
    }

    /** An unmasked server frame, with the shortest length form. */
    static byte[] frame(boolean fin, int opcode, byte[] payload) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write((fin ? 0x80 : 0) | opcode);
        int n = payload.length;
        if (n < 126) {
            frame.write(n);
        } else if (n < 65536) {
            frame.write(126);
            frame.write(n >>> 8);
            frame.write(n);
        } else {
            frame.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) n >>> shift));
            }
        }
        frame.writeBytes(payload);
        return frame.toByteArray();
    }

    void send(boolean fin, int opcode, byte[] payload) throws IOException {
        writeRaw(frame(fin, opcode, payload));
    }

    void sendText(String text) throws IOException {
        send(true, 0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Drops the TCP connection without a close frame. */
    void cut() throws IOException {
        socket.close();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
        listening.close();
    }
}
