package com.rooms.it;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WebSocket client on a plain socket that reads what the server sends but
 * never answers a ping: a peer whose network went away without a close.
 * (The JDK's client answers pings by itself, so it cannot play this part.)
 */
final class SilentPeer implements AutoCloseable {
    final LinkedBlockingQueue<String> texts = new LinkedBlockingQueue<>();
    final AtomicInteger pings = new AtomicInteger();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final Socket socket;

    private SilentPeer(Socket socket) {
        this.socket = socket;
    }

    static SilentPeer join(String roomId, String token) throws IOException {
        URI base = URI.create(TestServer.BASE);
        Socket socket = new Socket(base.getHost(), base.getPort());
        String request = "GET /ws/rooms/" + roomId + " HTTP/1.1\r\n"
                + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: c2lsZW50IHBlZXIga2V5IQ==\r\n"
                + "Authorization: Bearer " + token + "\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        String status = readLine(in);
        if (!status.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("handshake refused: " + status);
        }
        while (!readLine(in).isEmpty()) {
            // skip the response headers
        }
        SilentPeer peer = new SilentPeer(socket);
        Thread reader = new Thread(() -> peer.read(in), "silent-peer");
        reader.setDaemon(true);
        reader.start();
        return peer;
    }

    private void read(DataInputStream in) {
        try {
            while (true) {
                int first = in.readUnsignedByte();
                int opcode = first & 0x0F;
                long length = in.readUnsignedByte() & 0x7F;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                switch (opcode) {
                    case 0x1 -> texts.add(new String(payload, StandardCharsets.UTF_8));
                    case 0x9 -> pings.incrementAndGet();
                    case 0x8 -> {
                        closeCode.complete(payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005);
                        return;
                    }
                    default -> { }
                }
            }
        } catch (IOException e) {
            closeCode.complete(1006);
        }
    }

    private static String readLine(DataInputStream in) throws IOException {
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
