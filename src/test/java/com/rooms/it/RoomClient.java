package com.rooms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.json.JsonObject;

/** A protocol client over a real socket (the JDK's WebSocket); frames are read by the test with deadlines. */
final class RoomClient implements WebSocket.Listener, AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(15);

    final LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    final String user;
    private final StringBuilder partial = new StringBuilder();
    private volatile boolean paused;
    WebSocket socket;
    String clientId;
    /** The role the {@code welcome} gave. */
    String role;
    /** The {@code history} frame the client got on joining. */
    JsonObject joinHistory;

    private RoomClient(String user) {
        this.user = user;
    }

    /** Connects as {@code user} to {@code roomId} and reads up to the {@code history} frame. */
    static RoomClient join(String roomId, String user) {
        return join(roomId, user, TestServer.token(user));
    }

    static RoomClient join(String roomId, String user, String token) {
        return joinAt(TestServer.BASE, roomId, user, token);
    }

    /** Joins a room on the server at {@code base} (another than the shared test server). */
    static RoomClient joinAt(String base, String roomId, String user, String token) {
        RoomClient client = new RoomClient(user);
        client.socket = TestServer.HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .buildAsync(URI.create(base.replace("http", "ws") + "/ws/rooms/" + roomId), client)
                .orTimeout(10, TimeUnit.SECONDS).join();
        JsonObject welcome = client.next("welcome");
        client.clientId = welcome.getJsonObject("data").getString("client_id");
        client.role = welcome.getJsonObject("data").getString("role");
        client.next("room-info");
        client.joinHistory = client.next("history");
        return client;
    }

    /** Stops reading from the socket, like a client that cannot keep up. */
    void pause() {
        paused = true;
    }

    void resume() {
        paused = false;
        socket.request(1);
    }

    void send(String frame) {
        socket.sendText(frame, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** The next frame of this type, skipping others; fails after the deadline. */
    JsonObject next(String type) {
        return next(f -> type.equals(f.getString("type")), type);
    }

    JsonObject next(Predicate<JsonObject> wanted, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                JsonObject frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (frame != null && wanted.test(frame)) {
                    return frame;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        fail(user + " did not receive " + what + " within " + WAIT);
        return null;
    }

    /**
     * Every frame that arrives before the answer to a ping sent now. The
     * server writes a connection's frames in order, so whatever it had
     * queued for this client before reading the ping is in the list: a
     * proof that something did not arrive, without waiting a fixed time.
     */
    List<JsonObject> untilPong() {
        String marker = "marker-" + System.nanoTime();
        send("{\"type\":\"ping\",\"data\":\"" + marker + "\"}");
        List<JsonObject> before = new ArrayList<>();
        next(f -> {
            boolean answer = "pong".equals(f.getString("type")) && marker.equals(f.getString("data", null));
            if (!answer) {
                before.add(f);
            }
            return answer;
        }, "the pong to " + marker);
        return before;
    }

    JsonObject error(String code) {
        JsonObject error = next("error");
        assertEquals(code, error.getJsonObject("data").getString("code"), error.toString());
        return error;
    }

    int awaitClose() {
        try {
            return closeCode.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            fail(user + " was not closed within " + WAIT);
            return -1;
        }
    }

    /** Sends a text and waits until it comes back stored; returns its data. */
    JsonObject say(String text) {
        String id = "t-" + System.nanoTime();
        send("{\"id\":\"" + id + "\",\"type\":\"text\",\"data\":{\"text\":\"" + text + "\"}}");
        JsonObject own = next(f -> "text".equals(f.getString("type")) && id.equals(f.getString("ref", null)), "own text");
        assertNotNull(own);
        return own.getJsonObject("data");
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(TestServer.json(partial.toString()));
            partial.setLength(0);
        }
        if (!paused) {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.complete(1006);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            try {
                socket.sendClose(1000, "bye").get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // the connection is gone already; aborted below
            }
        }
        socket.abort();
    }
}
