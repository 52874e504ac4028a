package com.rooms.room;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import com.rooms.history.HistoryView;
import com.rooms.membership.Admission;
import com.rooms.protocol.CloseCode;
import com.rooms.security.Identity;

/**
 * The live rooms of this node, by id: lets an admitted connection into its
 * room (opening the room on its first client, within the user's connection
 * caps) and closes a room when its last client leaves.
 */
@ApplicationScoped
public class ChatManager {
    public static final String TOO_MANY_IN_ROOM = ConnectionCaps.TOO_MANY_IN_ROOM;
    public static final String TOO_MANY_CONNECTIONS = ConnectionCaps.TOO_MANY_CONNECTIONS;

    private final Map<String, ChatRoom> rooms = new ConcurrentHashMap<>();
    private final AtomicInteger connected = new AtomicInteger();
    private ClientIds ids;
    private ConnectionCaps caps;
    private Places places;

    @Inject
    Instance<ChatRoom> roomBeans;

    @Inject
    RoomServices services;

    @Inject
    NodeSettings settings;

    @PostConstruct
    void start() {
        ids = new ClientIds(settings.nodeId());
        caps = new ConnectionCaps(settings);
        places = new Places(settings.resumeWindowSeconds(),
                client -> caps.release(client.userId(), client.room().id()));
    }

    /**
     * Why the user may open no further connection to the room now: the error
     * code of the handshake's refusal ({@code too-many-in-room},
     * {@code too-many-connections}), or null when they may.
     */
    public String capReached(String userId, String roomId) {
        return caps.reached(userId, roomId);
    }

    /**
     * Lets an admitted user's connection into its room; null, with the
     * connection closed 1008, when the user's connection caps or the room's
     * {@code max_clients} were reached meanwhile (the handshake checks them
     * first, so only a burst gets here).
     */
    public ChatClient connect(Admission admission, Identity who, Connection connection) {
        String roomId = admission.room().id();
        String over = caps.take(who.userId(), roomId);
        if (over != null) {
            connection.close(CloseCode.POLICY, TOO_MANY_IN_ROOM.equals(over)
                    ? "too many connections for this user in this room" : "too many connections for this user");
            return null;
        }
        HistoryView view = admission.room().history().viewFor(who.userId(), admission.memberSince(),
                () -> lastIdOrAll(roomId));
        ChatClient client = new ChatClient(ids.next(), who, admission.role(), view, connection, services, places,
                System.nanoTime());
        connected.incrementAndGet();
        for (;;) {
            ChatRoom room = rooms.computeIfAbsent(roomId, id -> roomBeans.get().open(admission.room(), this::emptied));
            switch (room.join(client)) {
                case JOINED:
                    return client;
                case FULL:
                    connected.decrementAndGet();
                    caps.release(who.userId(), roomId);
                    client.abandon();
                    connection.close(CloseCode.POLICY, "the room is full");
                    return null;
                default:
                    rooms.remove(roomId, room);
            }
        }
    }

    /** For a {@code none} room: when the newest id cannot be read, hide all of the past rather than show it. */
    private long lastIdOrAll(String roomId) {
        try {
            return services.history().lastId(roomId);
        } catch (RuntimeException storageDown) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * A place's connection ended with {@code clientCode} (1006: no close
     * frame came). Without the client's close frame, or with its 4000, the
     * place is kept for a resume (PROTOCOL.md 3.3); otherwise it leaves its
     * room ({@code closed}). Nothing happens when a resume had already given
     * the place another connection.
     */
    public void disconnected(ChatClient client, Connection connection, int clientCode) {
        connected.decrementAndGet();
        if (CloseCode.keepsPlace(clientCode) && client.detach(connection)) {
            return;
        }
        if (client.holds(connection)) {
            client.room().leave(client, Disconnect.CLOSED);
        }
    }

    /**
     * The place a resume token stands for, if the token is one of this
     * user's in this room and the place has every frame after
     * {@code lastSeq}; null otherwise (an ordinary join follows). The token
     * is used up. A place whose client asks with a {@code lastSeq} it no
     * longer has ends ({@code left} {@code timeout}).
     */
    public ChatClient claim(String token, String userId, String roomId, long lastSeq) {
        ChatClient place = places.take(token, userId, roomId);
        if (place == null || place.placeEnded()) {
            return null;
        }
        if (!place.covers(lastSeq)) {
            place.room().leave(place, Disconnect.TIMEOUT);
            return null;
        }
        return place;
    }

    /**
     * Gives a claimed place its new connection; false when it ended or lost
     * frames meanwhile (it then leaves, and the caller joins as usual).
     */
    public boolean resume(ChatClient place, long lastSeq, Identity who, Admission admission, Connection connection) {
        ChatRoom room = place.room();
        if (room.resume(place, connection, lastSeq, who, admission.role())) {
            connected.incrementAndGet();
            return true;
        }
        room.leave(place, Disconnect.TIMEOUT);
        return false;
    }

    /** Places kept now without a connection, waiting for a resume. */
    public int keptPlaces() {
        return places.kept();
    }

    /** Cuts a client off for breaking the protocol ({@link Disconnect#TOO_BIG}, {@link Disconnect#BINARY}). */
    public void refuse(ChatClient client, Disconnect why) {
        client.room().disconnect(client, why);
    }

    private void emptied(ChatRoom room) {
        if (room.closeIfEmpty() && rooms.remove(room.id(), room)) {
            roomBeans.destroy(room);
        }
    }

    public int connectedClients() {
        return connected.get();
    }

    public int openRoomCount() {
        return rooms.size();
    }

    Collection<ChatRoom> openRooms() {
        return List.copyOf(rooms.values());
    }

    public ChatRoom room(String roomId) {
        return rooms.get(roomId);
    }

    /** Clients connected to the room now, 0 when it is not open. */
    public int online(String roomId) {
        ChatRoom room = rooms.get(roomId);
        return room == null ? 0 : room.size();
    }

    /** Closes the room now, whoever is in it: each client is disconnected for that reason. */
    void closeRoom(String roomId, Disconnect why) {
        ChatRoom room = rooms.remove(roomId);
        if (room != null) {
            room.evictAll(why);
            roomBeans.destroy(room);
        }
    }

    /** Disconnects every client of every room, and waits up to {@code wait} for the closes to go out. */
    void disconnectAll(Disconnect why, Duration wait) {
        for (ChatRoom room : rooms.values()) {
            room.evictAll(why);
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (connected.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
