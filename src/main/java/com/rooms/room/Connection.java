package com.rooms.room;

import java.util.function.Consumer;

import com.rooms.protocol.CloseCode;

/**
 * One client's transport, as the room sees it. The WebSocket adapter
 * implements it; the room never touches a socket itself.
 */
public interface Connection {

    /**
     * Starts writing one text frame and returns at once; {@code done} is
     * called with null when it was written, or with the failure. The caller
     * never starts a second write before {@code done} was called.
     */
    void send(String text, Consumer<Throwable> done);

    /** Writes a keep-alive ping; called only while no text write is in flight. */
    void ping();

    /** Closes the connection; may block, so the room calls it from its closer thread. */
    void close(CloseCode code, String reason);
}
