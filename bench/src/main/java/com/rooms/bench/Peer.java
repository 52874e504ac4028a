package com.rooms.bench;

import java.io.StringReader;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * One protocol client: asynchronous (the JDK's WebSocket; no thread of its
 * own), hands every complete frame to a consumer, and sends one frame at a
 * time (a send while one is in flight is counted as skipped, never queued).
 */
final class Peer implements WebSocket.Listener {
    private final Consumer<JsonObject> frames;
    private final StringBuilder partial = new StringBuilder();
    private final AtomicBoolean sending = new AtomicBoolean();
    final CompletableFuture<String> welcome = new CompletableFuture<>();
    volatile boolean closed;
    WebSocket socket;

    private Peer(Consumer<JsonObject> frames) {
        this.frames = frames;
    }

    static Peer connect(Server server, String room, String user, Consumer<JsonObject> frames) throws Exception {
        return connectWith(server, room, server.token(user), frames);
    }

    /** Connects with a token fetched beforehand, so the sign-in is not part of what is timed. */
    static Peer connectWith(Server server, String room, String token, Consumer<JsonObject> frames) throws Exception {
        Peer peer = new Peer(frames);
        peer.socket = server.http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .buildAsync(server.socket(room), peer).get(30, TimeUnit.SECONDS);
        peer.welcome.get(30, TimeUnit.SECONDS);
        return peer;
    }

    /** False when the previous send has not finished. */
    boolean trySend(String frame) {
        if (!sending.compareAndSet(false, true)) {
            return false;
        }
        socket.sendText(frame, true).whenComplete((ws, failure) -> sending.set(false));
        return true;
    }

    void close() {
        socket.sendClose(1000, "done").exceptionally(e -> null);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            JsonObject frame = Json.createReader(new StringReader(partial.toString())).readObject();
            partial.setLength(0);
            if ("welcome".equals(frame.getString("type", ""))) {
                welcome.complete(frame.getJsonObject("data").getString("client_id"));
            }
            frames.accept(frame);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed = true;
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed = true;
        welcome.completeExceptionally(error);
    }
}
