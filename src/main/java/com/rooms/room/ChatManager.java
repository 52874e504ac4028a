package com.rooms.room;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import com.rooms.history.HistoryView;
import com.rooms.ice.IceServers;
import com.rooms.membership.Admission;
import com.rooms.membership.Role;
import com.rooms.membership.Room;
import com.rooms.protocol.CloseCode;
import com.rooms.security.Identity;

/**
 * The live rooms of this node, by id: opens a room on its first client and
 * closes it when the last one leaves; assigns client ids; watches every
 * connection's credentials, TURN credentials and keep-alive; and closes every
 * connection with {@code bye} when the server shuts down.
 *
 * <p>Client ids are {@code <node id>-<sequence>}: unique across a cluster as
 * long as node ids are, and never reused (the node id is new at each start
 * unless configured).
 */
@ApplicationScoped
public class ChatManager {
    private static final Logger LOG = Logger.getLogger(ChatManager.class.getName());

    private final Map<String, ChatRoom> rooms = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger connected = new AtomicInteger();
    /** Open connections by user, and by user and room: the caps of {@link NodeSettings}. */
    private final Map<String, Integer> perUser = new ConcurrentHashMap<>();
    private final Map<String, Integer> perUserInRoom = new ConcurrentHashMap<>();
    private volatile boolean draining;

    @Inject
    Instance<ChatRoom> roomBeans;

    @Inject
    RoomServices services;

    @Inject
    NodeSettings settings;

    /**
     * Why the user may open no further connection to the room now: the error
     * code of the handshake's refusal ({@code too-many-in-room},
     * {@code too-many-connections}), or null when they may.
     */
    public String capReached(String userId, String roomId) {
        if (reached(perUserInRoom, userId + '\n' + roomId, settings.perUserInRoom())) {
            return TOO_MANY_IN_ROOM;
        }
        if (reached(perUser, userId, settings.perUser())) {
            return TOO_MANY_CONNECTIONS;
        }
        return null;
    }

    public static final String TOO_MANY_IN_ROOM = "too-many-in-room";
    public static final String TOO_MANY_CONNECTIONS = "too-many-connections";

    private static boolean reached(Map<String, Integer> counts, String key, int limit) {
        Integer open = counts.get(key);
        return limit > 0 && open != null && open >= limit;
    }

    /** Counts one more connection unless that would pass the limit. */
    private static boolean take(Map<String, Integer> counts, String key, int limit) {
        boolean[] taken = {false};
        counts.compute(key, (k, open) -> {
            int now = open == null ? 0 : open;
            if (limit > 0 && now >= limit) {
                return open;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    private static void release(Map<String, Integer> counts, String key) {
        counts.computeIfPresent(key, (k, open) -> open <= 1 ? null : open - 1);
    }

    /**
     * Lets an admitted user's connection into its room; null, with the
     * connection closed 1008, when the user's connection caps were reached
     * meanwhile (the handshake checks them first, so only a burst gets here).
     */
    public ChatClient connect(Admission admission, Identity who, Connection connection) {
        String roomId = admission.room().id();
        if (!take(perUser, who.userId(), settings.perUser())) {
            connection.close(CloseCode.POLICY, "too many connections for this user");
            return null;
        }
        if (!take(perUserInRoom, who.userId() + '\n' + roomId, settings.perUserInRoom())) {
            release(perUser, who.userId());
            connection.close(CloseCode.POLICY, "too many connections for this user in this room");
            return null;
        }
        HistoryView view = switch (admission.room().history()) {
            case SHARED -> new HistoryView(who.userId(), null, 0);
            case SINCE_JOIN -> new HistoryView(who.userId(), admission.memberSince(), 0);
            case NONE -> new HistoryView(who.userId(), null, lastIdOrAll(roomId));
        };
        ChatClient client = new ChatClient(settings.nodeId() + "-" + Long.toString(sequence.incrementAndGet(), 36),
                who, admission.role(), view, connection, services, System.nanoTime());
        connected.incrementAndGet();
        for (;;) {
            ChatRoom room = rooms.computeIfAbsent(roomId, id -> roomBeans.get().open(admission.room(), this::emptied));
            if (room.join(client)) {
                return client;
            }
            rooms.remove(roomId, room);
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

    /** The client's connection ended (for the given reason); it leaves its room if still there. */
    public void disconnected(ChatClient client, String reason) {
        if (!client.ended()) {
            return;
        }
        connected.decrementAndGet();
        release(perUser, client.userId());
        ChatRoom room = client.room();
        if (room != null) {
            release(perUserInRoom, client.userId() + '\n' + room.id());
            room.leave(client, reason);
        }
    }

    /** Cuts a client off for breaking the protocol (1003, 1009): it leaves its room at once. */
    public void refuse(ChatClient client, CloseCode code, String reason) {
        ChatRoom room = client.room();
        if (room != null) {
            room.leave(client, LeaveReason.ERROR);
        }
        client.cut(code, reason);
    }

    private void emptied(ChatRoom room) {
        if (room.closeIfEmpty() && rooms.remove(room.id(), room)) {
            roomBeans.destroy(room);
        }
    }

    public int connectedClients() {
        return connected.get();
    }

    public int openRooms() {
        return rooms.size();
    }

    public ChatRoom room(String roomId) {
        return rooms.get(roomId);
    }

    /** Clients connected to the room now, 0 when it is not open. */
    public int online(String roomId) {
        ChatRoom room = rooms.get(roomId);
        return room == null ? 0 : room.size();
    }

    /** The room was deleted: its clients get {@code bye} ({@code room-deleted}) and close 4004. */
    public void roomDeleted(String roomId) {
        ChatRoom room = rooms.remove(roomId);
        if (room != null) {
            room.evictAll(LeaveReason.ROOM_DELETED, CloseCode.ROOM_DELETED);
            roomBeans.destroy(room);
        }
    }

    public void settingsChanged(Room settings) {
        ChatRoom room = rooms.get(settings.id());
        if (room != null) {
            room.settingsChanged(settings);
        }
    }

    public void roleChanged(String roomId, String userId, Role role) {
        ChatRoom room = rooms.get(roomId);
        if (room != null) {
            room.roleChanged(userId, role);
        }
    }

    /** The user's membership ended: their connections to the room are closed as if kicked. */
    public void memberRemoved(String roomId, String userId) {
        ChatRoom room = rooms.get(roomId);
        if (room != null) {
            room.removeUser(userId);
        }
    }

    public boolean draining() {
        return draining;
    }

    /**
     * Once a second: ends connections whose credentials expired, sends fresh
     * TURN credentials before the old ones expire, pings idle connections and
     * cuts those that stopped answering.
     */
    public void sweep() {
        Instant now = services.clock().instant();
        long nanos = System.nanoTime();
        long keepAlive = TimeUnit.SECONDS.toNanos(settings.keepAliveSeconds());
        for (ChatRoom room : rooms.values()) {
            for (ChatClient client : room.clients()) {
                try {
                    sweep(room, client, now, nanos, keepAlive);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "sweep failed for " + client + " in room " + room.id(), e);
                }
            }
        }
    }

    private void sweep(ChatRoom room, ChatClient client, Instant now, long nanos, long keepAlive) {
        if (client.expiresAt() != null && !now.isBefore(client.expiresAt())) {
            room.expire(client);
            return;
        }
        Instant ice = client.iceExpiresAt();
        if (ice != null && !now.isBefore(ice.minus(IceServers.REFRESH_LEAD))) {
            room.sendIceServers(client, null, nanos);
        }
        if (keepAlive > 0) {
            if (nanos - client.lastHeardNanos() > keepAlive * 5 / 2) {
                room.leave(client, LeaveReason.TIMEOUT);
                client.cut(CloseCode.GOING_AWAY, "no answer to keep-alive");
            } else {
                client.pingIfDue(nanos, keepAlive);
            }
        }
    }

    /**
     * Sends every client {@code bye} ({@code shutdown}) and close 1001, refuses
     * new connections, and waits up to {@code wait} for the closes to go out.
     */
    public void shutdown(Duration wait) {
        draining = true;
        Collection<ChatRoom> all = rooms.values();
        for (ChatRoom room : all) {
            room.evictAll(LeaveReason.SHUTDOWN, CloseCode.GOING_AWAY);
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

    /** Admits connections again after a drain that was called off. */
    public void resume() {
        draining = false;
    }

    /** A node id for client ids: configured, or random at each start. */
    public static String randomNodeId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
