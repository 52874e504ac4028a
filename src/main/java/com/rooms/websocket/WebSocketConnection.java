package com.rooms.websocket;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import com.rooms.protocol.CloseCode;
import com.rooms.room.Connection;

/**
 * A room {@link Connection} over a Jakarta WebSocket session: asynchronous
 * sends, one at a time, each failing after {@link #SEND_TIMEOUT_MILLIS}.
 */
final class WebSocketConnection implements Connection {
    /**
     * The longest one frame's write may take (docs/decisions.md). Without it
     * a write to a peer that stopped reading never completes, and Open
     * Liberty then never finishes anything else on that connection: a pong,
     * a close frame ({@code WsocConnLink.okToWrite} waits for the write in
     * flight), so each such connection keeps a server thread and its socket.
     * A frame of at most 1 MiB to a client that reads takes milliseconds;
     * the limit is far above that.
     */
    static final long SEND_TIMEOUT_MILLIS = 15_000;
    private static final Logger LOG = Logger.getLogger(WebSocketConnection.class.getName());
    private static final ByteBuffer NO_DATA = ByteBuffer.allocate(0);

    private final Session session;

    WebSocketConnection(Session session) {
        this.session = session;
        session.getAsyncRemote().setSendTimeout(SEND_TIMEOUT_MILLIS);
    }

    @Override
    public void send(String text, Consumer<Throwable> done) {
        try {
            session.getAsyncRemote().sendText(text, result -> done.accept(result.isOK() ? null : result.getException()));
        } catch (RuntimeException e) {
            done.accept(e);
        }
    }

    @Override
    public void ping() {
        try {
            session.getAsyncRemote().sendPing(NO_DATA.duplicate());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "ping failed on " + session.getId(), e);
        }
    }

    @Override
    public void close(CloseCode code, String reason) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code.code()), reason));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "close failed on " + session.getId(), e);
        }
    }
}
