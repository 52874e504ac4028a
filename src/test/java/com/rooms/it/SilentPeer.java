package com.rooms.it;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WebSocket client that reads what the server sends but never answers a
 * ping: a peer whose network went away without a close. (The JDK's client
 * answers pings by itself, so it cannot play this part.)
 */
final class SilentPeer implements AutoCloseable {
    final LinkedBlockingQueue<String> texts = new LinkedBlockingQueue<>();
    final AtomicInteger pings = new AtomicInteger();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final RawWebSocket socket;

    private SilentPeer(RawWebSocket socket) {
        this.socket = socket;
    }

    static SilentPeer join(String roomId, String token) throws IOException {
        RawWebSocket socket = RawWebSocket.join(roomId, token);
        socket.readWithoutDeadline();
        SilentPeer peer = new SilentPeer(socket);
        Thread reader = new Thread(peer::read, "silent-peer");
        reader.setDaemon(true);
        reader.start();
        return peer;
    }

    private void read() {
        try {
            while (true) {
                RawWebSocket.Frame frame = socket.next();
                switch (frame.opcode()) {
                    case RawWebSocket.TEXT -> texts.add(frame.text());
                    case RawWebSocket.PING -> pings.incrementAndGet();
                    case RawWebSocket.CLOSE -> {
                        closeCode.complete(frame.closeCode());
                        return;
                    }
                    default -> { }
                }
            }
        } catch (IOException e) {
            closeCode.complete(1006);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
