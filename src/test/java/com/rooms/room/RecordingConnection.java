package com.rooms.room;

import java.io.StringReader;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import com.rooms.protocol.CloseCode;

/** A connection that records what the room writes; it can be made to stop completing writes, like a stalled peer. */
final class RecordingConnection implements Connection {
    final List<String> written = new CopyOnWriteArrayList<>();
    volatile CloseCode closedWith;
    volatile boolean stalled;
    /** The completion of the last write a stalled connection did not complete. */
    volatile Consumer<Throwable> unfinished;
    /** What the transport does when closed: a real one reports the close, and the client leaves its room. */
    volatile Runnable whenClosed = () -> { };

    @Override
    public void send(String text, Consumer<Throwable> done) {
        written.add(text);
        if (!stalled) {
            done.accept(null);
        } else {
            unfinished = done;
        }
    }

    @Override
    public void ping() {
    }

    @Override
    public void close(CloseCode code, String reason) {
        closedWith = code;
        whenClosed.run();
    }

    List<JsonObject> frames() {
        return written.stream().map(t -> Json.createReader(new StringReader(t)).readObject()).collect(Collectors.toList());
    }

    List<JsonObject> frames(String type) {
        return frames().stream().filter(f -> f.getString("type").equals(type)).collect(Collectors.toList());
    }

    JsonObject last(String type) {
        List<JsonObject> of = frames(type);
        return of.isEmpty() ? null : of.get(of.size() - 1);
    }

    List<String> types() {
        return frames().stream().map(f -> f.getString("type")).collect(Collectors.toList());
    }
}
