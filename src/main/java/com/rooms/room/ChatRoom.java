package com.rooms.room;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import com.rooms.audit.RoomEvent;
import com.rooms.history.ChatMessage;
import com.rooms.ice.IceGrant;
import com.rooms.membership.Role;
import com.rooms.membership.Room;
import com.rooms.protocol.ErrorCode;
import com.rooms.protocol.FrameRejected;
import com.rooms.protocol.Payload;
import com.rooms.security.Identity;

/**
 * One live room: who is in it, and the delivery of frames between them.
 * Frames are routed by client id within this room only. What a client asks
 * is handled by {@link Commands}, moderation by {@link Moderation}.
 *
 * <p>Locking: {@code lock} orders presence changes and chat deliveries, so
 * every client sees one order of joins, leaves and messages. Relayed frames
 * take no lock. Under the lock frames are only queued, never written.
 */
@Dependent
public class ChatRoom {
    private final RoomServices services;
    private final ServerFrames frames;
    private final HistoryOnJoin historyOnJoin;
    private final Commands commands;
    private final Moderation moderation;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, ChatClient> clients = new ConcurrentHashMap<>();
    private volatile ChatClient[] everyone = new ChatClient[0];
    private volatile Room room;
    private Consumer<ChatRoom> onEmpty = r -> { };
    private boolean closed;

    @Inject
    public ChatRoom(RoomServices services) {
        this.services = services;
        this.frames = new ServerFrames(services.encoder());
        this.historyOnJoin = new HistoryOnJoin(services, frames);
        this.moderation = new Moderation(this, services);
        this.commands = new Commands(this, moderation, services, frames);
    }

    /** Binds this instance to its room; {@code onEmpty} is told when the last client leaves. */
    public ChatRoom open(Room settings, Consumer<ChatRoom> whenEmpty) {
        this.room = settings;
        this.onEmpty = whenEmpty;
        return this;
    }

    public String id() {
        return room.id();
    }

    public Room settings() {
        return room;
    }

    public int size() {
        return clients.size();
    }

    public List<ChatClient> clients() {
        return List.of(everyone);
    }

    /** The clients in the room now, as one snapshot. */
    ChatClient[] present() {
        return everyone;
    }

    /** The client with that id in this room, or null. */
    ChatClient member(String clientId) {
        return clients.get(clientId);
    }

    Moderation moderation() {
        return moderation;
    }

    /** The client with that id in this room; {@code no-such-client} when there is none. */
    ChatClient target(String clientId) {
        ChatClient target = clients.get(clientId);
        if (target == null) {
            throw new FrameRejected(ErrorCode.NO_SUCH_CLIENT, "no client " + shown(clientId) + " in this room");
        }
        return target;
    }

    /** An id from a client, cut short for an error message. */
    static String shown(String untrusted) {
        return untrusted.length() > 64 ? untrusted.substring(0, 64) + "..." : untrusted;
    }

    /**
     * Lets the client in: it gets {@code welcome}, {@code room-info} and
     * {@code history}, the others {@code joined}. {@code CLOSED} when this
     * room has just closed (the caller then opens a new one); {@code FULL}
     * when it already has {@code max_clients} connections (handshakes let in
     * at the same moment can get past the handshake's own check).
     *
     * <p>The history is read from the store outside the room's lock (see
     * {@link HistoryOnJoin}).
     */
    Entry join(ChatClient client) {
        long now = System.nanoTime();
        lock.lock();
        try {
            if (closed) {
                return Entry.CLOSED;
            }
            if (room.fullWith(clients.size())) {
                return Entry.FULL;
            }
            client.entering(this);
            clients.put(client.id(), client);
            everyone = clients.values().toArray(new ChatClient[0]);
            client.sendFirst(frames.welcome(client, room, null, false, now));
            client.sendFirst(frames.roomInfo(client, room, everyone, null, now));
            broadcast(frames.toRoom("joined",
                    new Payload.Joined(client.id(), client.userId(), client.username(), client.role().wire(),
                            client.status()), now), client);
        } finally {
            lock.unlock();
        }
        historyOnJoin.show(client, room.id(), now);
        services.audit().record(new RoomEvent(room.id(), RoomEvent.Kind.JOINED, client.userId(), null, client.id(),
                client.role().wire(), services.clock().instant()));
        return Entry.JOINED;
    }

    /** What {@link #join} did. */
    enum Entry {
        JOINED, CLOSED, FULL
    }

    /** Takes the client out and tells the others ({@code left}); does nothing if it already left. */
    public void leave(ChatClient client, Disconnect why) {
        boolean empty;
        lock.lock();
        try {
            if (!clients.remove(client.id(), client)) {
                return;
            }
            everyone = clients.values().toArray(new ChatClient[0]);
            broadcast(frames.toRoom("left", new Payload.Left(client.id(), why.leftReason()), System.nanoTime())
                    .deferred(), null);
            empty = clients.isEmpty();
        } finally {
            lock.unlock();
        }
        client.endPlace();
        Instant at = services.clock().instant();
        services.directory().touch(room.id(), client.userId(), client.username(), at);
        if (why != Disconnect.KICKED && why != Disconnect.REMOVED) {
            services.audit().record(new RoomEvent(room.id(), RoomEvent.Kind.LEFT, client.userId(), null, client.id(),
                    why.leftReason(), at));
        }
        if (empty) {
            onEmpty.accept(this);
        }
    }

    /**
     * The client leaves for that reason and its connection is closed as
     * {@link Disconnect} says; one that stopped answering the keep-alive
     * keeps its place for a resume instead (PROTOCOL.md 3.3).
     */
    public void disconnect(ChatClient client, Disconnect why) {
        if (why == Disconnect.TIMEOUT && client.detachAndClose(why)) {
            return;
        }
        leave(client, why);
        client.close(why, byeFor(client, why));
    }

    private Outbound byeFor(ChatClient client, Disconnect why) {
        return why.byeReason() == null ? null : frames.bye(client, why.byeReason());
    }

    /** Closes the room if nobody is in it; a closed room admits nobody. */
    boolean closeIfEmpty() {
        lock.lock();
        try {
            closed = closed || clients.isEmpty();
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** Disconnects every client at once, without {@code left} frames; the room admits nobody after. */
    public void evictAll(Disconnect why) {
        ChatClient[] all;
        lock.lock();
        try {
            closed = true;
            all = everyone;
            clients.clear();
            everyone = new ChatClient[0];
        } finally {
            lock.unlock();
        }
        Instant at = services.clock().instant();
        for (ChatClient client : all) {
            client.close(why, byeFor(client, why));
            client.endPlace();
            services.directory().touch(room.id(), client.userId(), client.username(), at);
            services.audit().record(new RoomEvent(room.id(), RoomEvent.Kind.LEFT, client.userId(), null, client.id(),
                    why.leftReason(), at));
        }
    }

    /** The room's settings were changed; new ones apply from now on (name in {@code room-info}, history of new joins). */
    public void settingsChanged(Room settings) {
        this.room = settings;
    }

    /** A user's role was changed: their connections act with it from now on (administrators stay owners). */
    public void roleChanged(String userId, Role role) {
        for (ChatClient client : everyone) {
            if (client.userId().equals(userId)) {
                client.changeRole(role);
            }
        }
    }

    /** One text frame from a client, handled by {@link Commands}. */
    public void receive(ChatClient client, String text) {
        commands.receive(client, text);
    }

    /** Sends the client its ICE servers (and notes when their TURN credentials expire). */
    void sendIceServers(ChatClient client, String ref, long now) {
        IceGrant grant = services.ice().grant(client.userId(), services.clock().instant());
        client.iceGranted(grant.expiresAt());
        client.send(frames.toClient(client, "ice-servers", ref, grant.servers(), now));
    }

    /**
     * Delivers a stored chat message in the room's order: to everyone, or
     * ({@code to} not null) to the receiver and the sender only. The sender's
     * own copy carries its {@code ref}.
     */
    void deliverChat(ChatClient from, ChatClient to, String ref, ChatMessage stored, long now) {
        Payload.Chat chat = ServerFrames.chat(stored);
        lock.lock();
        try {
            if (to != null) {
                if (to != from && clients.get(to.id()) == to) {
                    to.send(frames.fromClient(from, "text", null, to, chat, now), stored.id());
                }
                if (clients.get(from.id()) == from) {
                    from.send(frames.ownCopy(from, "text", ref, chat, now), stored.id());
                }
                return;
            }
            Outbound shared = frames.fromClient(from, "text", null, null, chat, now);
            Outbound own = ref == null ? shared : frames.ownCopy(from, "text", ref, chat, now);
            for (ChatClient client : everyone) {
                client.send(client == from ? own : shared, stored.id());
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes a change in the room's order and tells everyone: {@code change}
     * runs under the room's lock (it may refuse by throwing) and gives the
     * frame's data; the sender's own copy carries its {@code ref}.
     */
    void changeAndTell(ChatClient from, String type, String ref, long now, Supplier<Object> change) {
        lock.lock();
        try {
            Object data = change.get();
            Outbound shared = frames.fromClient(from, type, null, null, data, now);
            Outbound own = ref == null ? shared : frames.ownCopy(from, type, ref, data, now);
            for (ChatClient client : everyone) {
                client.send(client == from ? own : shared);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Queues the frame to everyone but {@code except} (may be null), without the room's lock: for relayed frames. */
    void broadcast(Outbound frame, ChatClient except) {
        for (ChatClient client : everyone) {
            if (client != except) {
                client.send(frame);
            }
        }
    }

    /** A frame from the server itself to everyone, in the room's order (a change made through the HTTP API). */
    public void announce(String type, Object data) {
        long now = System.nanoTime();
        lock.lock();
        try {
            broadcast(frames.toRoom(type, data, now), null);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The role the user's connections act with now: an administrator's stay
     * {@code owner}; {@code stored} when none of theirs is here.
     */
    Role actingRole(String userId, Role stored) {
        for (ChatClient client : everyone) {
            if (client.userId().equals(userId) && client.identity().admin()) {
                return Role.OWNER;
            }
        }
        return stored;
    }

    /**
     * Gives a kept place its new connection (a resume, PROTOCOL.md 3.3), in
     * the room's order: {@code welcome} with {@code "resumed": true}, what it
     * missed after {@code lastSeq}, and a fresh {@code room-info}; nobody
     * else is told. The credentials are the new connection's, the role
     * {@code role}. False when the place is no longer here or no longer
     * has every frame after {@code lastSeq}.
     */
    boolean resume(ChatClient client, Connection connection, long lastSeq, Identity fresh, Role role) {
        long now = System.nanoTime();
        lock.lock();
        try {
            if (clients.get(client.id()) != client) {
                return false;
            }
            client.refreshed(fresh, role);
            return client.attach(connection, lastSeq, () -> frames.welcome(client, room, null, true, now),
                    () -> frames.roomInfo(client, room, everyone, null, now));
        } finally {
            lock.unlock();
        }
    }

    /** The client's fresh credentials: a new {@code welcome} for it, and {@code role} to everyone when the role changed. */
    void refreshed(ChatClient client, Identity fresh, Role role, String ref, long now) {
        Role before = client.role();
        lock.lock();
        try {
            client.refreshed(fresh, role);
            client.send(frames.welcome(client, room, ref, false, now));
            if (role != before) {
                broadcast(frames.toRoom("role", new Payload.RoleChanged(fresh.userId(), role.wire()), now), null);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The answer to a refused request: {@code error}, the connection stays open. */
    void sendError(ChatClient client, FrameRejected rejected, long now) {
        services.metrics().errorSent(rejected.code().wire());
        client.send(frames.error(client, rejected, now));
    }

    Outbound roomInfoFor(ChatClient client, String ref, long now) {
        return frames.roomInfo(client, room, everyone, ref, now);
    }
}
