package com.rooms.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.json.JsonObject;

/**
 * One room socket over the JDK's WebSocket client. Every frame is kept in {@link #log}; {@link #next} reads the
 * frames in arrival order with a deadline, skipping the ones it was not asked for.
 */
final class Peer implements WebSocket.Listener, AutoCloseable {
    final Wire.User user;
    final String room;
    final List<JsonObject> log = new CopyOnWriteArrayList<>();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final LinkedBlockingQueue<JsonObject> queue = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile boolean paused;
    private volatile boolean wantsMore;
    WebSocket socket;
    JsonObject welcome;
    JsonObject roomInfo;
    JsonObject history;
    String clientId;

    private Peer(Wire.User user, String room) {
        this.user = user;
        this.room = room;
    }

    static URI socketUri(String room, String query) {
        return URI.create(Wire.BASE.replaceFirst("^http", "ws") + "/ws/rooms/" + room + (query == null ? "" : "?" + query));
    }

    /** Opens a socket with the user's token and reads welcome, room-info and history. */
    static Peer join(String room, Wire.User user) {
        return open(room, user, user.token(), null).greeted();
    }

    /** Opens a socket with a ticket instead of a header. */
    static Peer joinWithTicket(String room, Wire.User user, String ticket) {
        return open(room, user, null, "ticket=" + URLEncoder.encode(ticket, StandardCharsets.UTF_8)).greeted();
    }

    static Peer open(String room, Wire.User user, String token, String query) {
        Peer peer = new Peer(user, room);
        WebSocket.Builder builder = Wire.HTTP.newWebSocketBuilder().connectTimeout(Wire.WAIT);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        try {
            peer.socket = builder.buildAsync(socketUri(room, query), peer).get(Wire.WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(user.id() + " could not open a socket to " + room + ": " + e, e);
        }
        return peer;
    }

    /** Reads the three frames the contract sends first, in their order. */
    Peer greeted() {
        welcome = take("first frame");
        assertEquals("welcome", welcome.getString("type"), "first frame: " + welcome);
        clientId = welcome.getJsonObject("data").getString("client_id");
        roomInfo = take("second frame");
        assertEquals("room-info", roomInfo.getString("type"), "frame after welcome: " + roomInfo);
        history = take("third frame");
        assertEquals("history", history.getString("type"), "frame after room-info: " + history);
        return this;
    }

    String userId() {
        return user.id();
    }

    /**
     * Opens a socket that asks to take back a place (PROTOCOL.md 3.3) and
     * reads its first frame, the {@code welcome}; what follows is left to
     * the test.
     */
    static Peer resume(String room, Wire.User user, String resumeToken, long lastSeq) {
        Peer peer = open(room, user, user.token(),
                "resume=" + URLEncoder.encode(resumeToken, StandardCharsets.UTF_8) + "&last_seq=" + lastSeq);
        peer.welcome = peer.take("first frame");
        assertEquals("welcome", peer.welcome.getString("type"), "first frame: " + peer.welcome);
        peer.clientId = peer.welcome.getJsonObject("data").getString("client_id");
        return peer;
    }

    /** The {@code seq} of the last frame received (PROTOCOL.md 2), what a resume reports as {@code last_seq}. */
    long lastSeq() {
        return log.get(log.size() - 1).getJsonNumber("seq").longValue();
    }

    /** The resume token of the newest {@code welcome} received. */
    String resumeToken() {
        String token = null;
        for (JsonObject f : log) {
            if ("welcome".equals(f.getString("type", null))) {
                token = f.getJsonObject("data").getString("resume");
            }
        }
        return token;
    }

    /** Sends a text frame and waits until it is handed to the socket. */
    void send(String frame) {
        socket.sendText(frame, true).orTimeout(Wire.WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** Sends, ignoring a failure (the server may already be closing this socket). */
    void sendQuietly(String frame) {
        try {
            send(frame);
        } catch (RuntimeException e) {
            // the close code tells what happened
        }
    }

    void sendBinary(byte[] bytes) {
        try {
            socket.sendBinary(ByteBuffer.wrap(bytes), true).orTimeout(Wire.WAIT.toSeconds(), TimeUnit.SECONDS).join();
        } catch (RuntimeException e) {
            // the close code tells what happened
        }
    }

    /** Sends one message in several WebSocket fragments. */
    void sendFragments(List<String> parts) {
        try {
            for (int i = 0; i < parts.size(); i++) {
                socket.sendText(parts.get(i), i == parts.size() - 1).orTimeout(Wire.WAIT.toSeconds(), TimeUnit.SECONDS).join();
            }
        } catch (RuntimeException e) {
            // the close code tells what happened
        }
    }

    void send(String type, String dataJson) {
        send("{\"type\":\"" + type + "\",\"data\":" + dataJson + "}");
    }

    void sendTo(String type, String receiver, String dataJson) {
        send("{\"type\":\"" + type + "\",\"receiver\":\"" + receiver + "\",\"data\":" + dataJson + "}");
    }

    /** Sends a text with an id and returns the data of its own delivered copy. */
    JsonObject say(String text) {
        String id = Wire.unique("t");
        send("{\"id\":\"" + id + "\",\"type\":\"text\",\"data\":{\"text\":" + Wire.str(text) + "}}");
        return reply(id, "text").getJsonObject("data");
    }

    /** The frame of this type whose ref is {@code id}. */
    JsonObject reply(String id, String type) {
        return next(f -> type.equals(f.getString("type", null)) && id.equals(f.getString("ref", null)),
                type + " with ref " + id);
    }

    /** The error answering the frame with this id; asserts its code. */
    JsonObject error(String id, String code) {
        JsonObject error = reply(id, "error");
        assertEquals(code, error.getJsonObject("data").getString("code"), error.toString());
        return error;
    }

    /** The next error frame; asserts its code. */
    JsonObject error(String code) {
        JsonObject error = next("error");
        assertEquals(code, error.getJsonObject("data").getString("code"), error.toString());
        return error;
    }

    JsonObject next(String type) {
        return next(f -> type.equals(f.getString("type", null)), type);
    }

    JsonObject next(Predicate<JsonObject> wanted, String what) {
        return next(wanted, what, Wire.WAIT);
    }

    JsonObject next(Predicate<JsonObject> wanted, String what, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                JsonObject frame = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (frame != null && wanted.test(frame)) {
                    return frame;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        fail(user.id() + " did not receive " + what + " within " + wait + "; received: " + log);
        return null;
    }

    /** Waits until a matching frame is in the log, whether or not {@link #next} has read past it. */
    JsonObject seen(Predicate<JsonObject> wanted, String what) {
        long deadline = System.nanoTime() + Wire.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonObject f : log) {
                if (wanted.test(f)) {
                    return f;
                }
            }
            Wire.sleep(20);
        }
        fail(user.id() + " did not receive " + what + " within " + Wire.WAIT + "; received: " + log);
        return null;
    }

    /** The next text frame whose text is {@code text}. */
    JsonObject text(String text) {
        return next(f -> "text".equals(f.getString("type", null))
                && text.equals(f.getJsonObject("data").getString("text", null)), "text " + text);
    }

    private JsonObject take(String what) {
        try {
            JsonObject frame = queue.poll(Wire.WAIT.toSeconds(), TimeUnit.SECONDS);
            if (frame == null) {
                fail(user.id() + " got no " + what + " within " + Wire.WAIT);
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Every frame of the log so far that matches. */
    List<JsonObject> logged(Predicate<JsonObject> which) {
        List<JsonObject> found = new ArrayList<>();
        for (JsonObject f : log) {
            if (which.test(f)) {
                found.add(f);
            }
        }
        return found;
    }

    List<JsonObject> logged(String type) {
        return logged(f -> type.equals(f.getString("type", null)));
    }

    int awaitClose() {
        return awaitClose(Wire.WAIT);
    }

    int awaitClose(Duration wait) {
        try {
            return closeCode.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            fail(user.id() + " was not closed within " + wait + "; received: " + log);
            return -1;
        }
    }

    boolean isClosed() {
        return closeCode.isDone();
    }

    /** Stops reading from the socket, like a client that cannot keep up. */
    void pause() {
        paused = true;
    }

    void resume() {
        paused = false;
        if (wantsMore) {
            wantsMore = false;
            socket.request(1);
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            JsonObject frame;
            try {
                frame = Wire.json(text);
            } catch (RuntimeException e) {
                frame = jakarta.json.Json.createObjectBuilder().add("type", "!not-json").add("raw", text).build();
            }
            log.add(frame);
            queue.add(frame);
        }
        if (paused) {
            wantsMore = true;
        } else {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        JsonObject marker = jakarta.json.Json.createObjectBuilder().add("type", "!binary").build();
        log.add(marker);
        queue.add(marker);
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
        if (socket == null) {
            return;
        }
        if (!socket.isOutputClosed() && !closeCode.isDone()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(2, TimeUnit.SECONDS);
                closeCode.get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                // aborted below
            }
        }
        socket.abort();
    }

    @Override
    public String toString() {
        return user.id() + "/" + clientId;
    }
}
