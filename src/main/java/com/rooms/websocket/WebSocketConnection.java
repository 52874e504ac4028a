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

/** A room {@link Connection} over a Jakarta WebSocket session: asynchronous sends, one at a time. */
final class WebSocketConnection implements Connection {
    private static final Logger LOG = Logger.getLogger(WebSocketConnection.class.getName());
    private static final ByteBuffer NO_DATA = ByteBuffer.allocate(0);

    private final Session session;

    WebSocketConnection(Session session) {
        this.session = session;
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
