package com.rooms.websocket;

import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import com.rooms.protocol.CloseCode;
import com.rooms.protocol.Utf8;
import com.rooms.room.ChatClient;
import com.rooms.room.ChatManager;
import com.rooms.room.Disconnect;

/**
 * The room socket: assembles each text message (at most 65,536 bytes, counted
 * over all its fragments), hands it to the client's room, and reports the
 * connection's end. One instance per connection. The handshake was already
 * decided by {@link HandshakeFilter}.
 */
@Dependent
@ServerEndpoint("/ws/rooms/{roomId}")
public class RoomEndpoint {
    public static final int MAX_FRAME_BYTES = 65_536;
    /**
     * A refused message (over the limit, or binary) is read to its end and
     * dropped before the close (1009, 1003) starts: Open Liberty, closed in
     * the middle of a fragmented message, stops reading the connection and
     * never finishes the close (the socket stays open, or in CLOSE-WAIT). A
     * sender that keeps a message going past this many bytes is closed
     * without waiting for its end.
     */
    static final int DISCARD_LIMIT = 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(RoomEndpoint.class.getName());

    @Inject
    ChatManager manager;

    private ChatClient client;
    private WebSocketConnection connection;
    private StringBuilder partial;
    private long binaryBytes;
    private int partialBytes;
    private boolean refused;
    private boolean oversized;

    @OnOpen
    public void open(Session session) {
        if (!(session.getUserPrincipal() instanceof RoomPrincipal principal)) {
            new WebSocketConnection(session).close(CloseCode.POLICY, "not admitted");
            return;
        }
        connection = new WebSocketConnection(session);
        ChatClient place = principal.place();
        if (place != null && manager.resume(place, principal.lastSeq(), principal.identity(), principal.admission(),
                connection)) {
            client = place;
            return;
        }
        client = manager.connect(principal.admission(), principal.identity(), connection);
    }

    @OnMessage(maxMessageSize = MAX_FRAME_BYTES)
    public void text(String piece, boolean last) {
        if (client == null || refused) {
            return;
        }
        int bytes = Utf8.length(piece);
        if (oversized || partialBytes + bytes > MAX_FRAME_BYTES) {
            oversized = true;
            partial = null;
            partialBytes += bytes;
            if (last || partialBytes > DISCARD_LIMIT) {
                refused = true;
                manager.refuse(client, Disconnect.TOO_BIG);
            }
            return;
        }
        if (last && partial == null) {
            client.room().receive(client, piece);
            return;
        }
        if (partial == null) {
            partial = new StringBuilder(Math.max(256, bytes * 2));
        }
        partial.append(piece);
        partialBytes += bytes;
        if (last) {
            String text = partial.toString();
            partial = null;
            partialBytes = 0;
            client.room().receive(client, text);
        }
    }

    @OnMessage
    public void binary(ByteBuffer piece, boolean last) {
        if (client == null || refused) {
            return;
        }
        binaryBytes += piece.remaining();
        if (last || binaryBytes > DISCARD_LIMIT) {
            refused = true;
            manager.refuse(client, Disconnect.BINARY);
        }
    }

    @OnMessage
    public void pong(PongMessage pong) {
        if (client != null) {
            client.ponged(System.nanoTime());
        }
    }

    @OnClose
    public void close(CloseReason reason) {
        if (client != null) {
            manager.disconnected(client, connection, reason.getCloseCode().getCode());
        }
    }

    @OnError
    public void error(Throwable failure) {
        LOG.log(Level.FINE, "WebSocket error on " + client, failure);
    }
}
