package com.rooms.room;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import com.rooms.audit.RoomEvent;
import com.rooms.history.ChatMessage;
import com.rooms.history.HistoryPage;
import com.rooms.history.NewMessage;
import com.rooms.ice.IceGrant;
import com.rooms.membership.Member;
import com.rooms.membership.Role;
import com.rooms.membership.Room;
import com.rooms.protocol.ClientFrame;
import com.rooms.protocol.CloseCode;
import com.rooms.protocol.Command;
import com.rooms.protocol.ErrorCode;
import com.rooms.protocol.FrameRejected;
import com.rooms.protocol.Payload;
import com.rooms.protocol.ServerFrame;
import com.rooms.security.DisplayNames;
import com.rooms.security.FrameRateGuard;
import com.rooms.security.Identity;
import com.rooms.security.TokenRejected;

/**
 * One live room: its clients, their presence, the relay between them and the
 * chat. Frames are routed by client id within this room only.
 *
 * <p>Locking: {@code lock} orders presence changes and chat deliveries, so
 * every client sees one order of joins, leaves and messages. Relayed frames
 * take no lock. Under the lock frames are only queued, never written.
 */
@Dependent
public class ChatRoom {
    private static final Logger LOG = Logger.getLogger(ChatRoom.class.getName());
    private final RoomServices services;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, ChatClient> clients = new ConcurrentHashMap<>();
    private volatile ChatClient[] everyone = new ChatClient[0];
    private volatile Room room;
    private Consumer<ChatRoom> onEmpty = r -> { };
    private boolean closed;

    @Inject
    public ChatRoom(RoomServices services) {
        this.services = services;
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

    /**
     * Lets the client in: it gets {@code welcome}, {@code room-info} and
     * {@code history}, the others {@code joined}. False when this room has
     * just closed (the caller then opens a new one).
     *
     * <p>The history is read from the store outside the room's lock, so a
     * slow database never stalls the room (or the chat writer, which
     * delivers under it); frames for the newcomer meanwhile wait in its
     * hold and follow the history, without the messages it already showed.
     */
    boolean join(ChatClient client) {
        long now = System.nanoTime();
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            client.entering(this);
            clients.put(client.id(), client);
            everyone = clients.values().toArray(new ChatClient[0]);
            client.sendFirst(encode(ServerFrame.toClient("welcome", client.id(), null, welcome(client)), now));
            client.sendFirst(encode(ServerFrame.toClient("room-info", client.id(), null, roomInfo()), now));
            broadcast(encode(ServerFrame.toRoom("joined",
                    new Payload.Joined(client.id(), client.userId(), client.username(), client.role().wire())), now), client);
        } finally {
            lock.unlock();
        }
        List<Outbound> first = new ArrayList<>(2);
        long upTo;
        try {
            long last = services.history().lastId(room.id());
            HistoryPage page = services.history().page(room.id(), client.historyView(), null, services.historyOnJoin());
            long shown = page.messages().isEmpty() ? 0 : page.messages().get(page.messages().size() - 1).id();
            upTo = Math.max(last, shown);
            first.add(encode(ServerFrame.toClient("history", client.id(), null, history(page)), now));
        } catch (RuntimeException storageDown) {
            upTo = 0;
            first.add(encode(ServerFrame.toClient("history", client.id(), null,
                    history(new HistoryPage(List.of(), false))), now));
            FrameRejected missing = new FrameRejected(ErrorCode.UNAVAILABLE,
                    "chat storage is unavailable; history could not be read", null);
            services.metrics().errorSent(missing.code().wire());
            first.add(encode(ServerFrame.error(client.id(), null, missing.code(), missing.getMessage()), now));
        }
        client.showHistory(first, upTo);
        services.audit().record(new RoomEvent(room.id(), RoomEvent.Kind.JOINED, client.userId(), null, client.id(),
                client.role().wire(), services.clock().instant()));
        return true;
    }

    /** Takes the client out and tells the others ({@code left}); does nothing if it already left. */
    public void leave(ChatClient client, String reason) {
        boolean empty;
        lock.lock();
        try {
            if (!clients.remove(client.id(), client)) {
                return;
            }
            everyone = clients.values().toArray(new ChatClient[0]);
            broadcast(encode(ServerFrame.toRoom("left", new Payload.Left(client.id(), reason)), System.nanoTime()).deferred(), null);
            empty = clients.isEmpty();
        } finally {
            lock.unlock();
        }
        Instant at = services.clock().instant();
        services.directory().touch(room.id(), client.userId(), client.username(), at);
        if (!LeaveReason.KICKED.equals(reason)) {
            services.audit().record(new RoomEvent(room.id(), RoomEvent.Kind.LEFT, client.userId(), null, client.id(),
                    reason, at));
        }
        if (empty) {
            onEmpty.accept(this);
        }
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

    /** Sends every client {@code bye} with the reason and closes them all; the room admits nobody after. */
    public void evictAll(String reason, CloseCode code) {
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
            client.sendThenClose(bye(client, reason), code, reason);
            services.directory().touch(room.id(), client.userId(), client.username(), at);
            services.audit().record(new RoomEvent(room.id(), RoomEvent.Kind.LEFT, client.userId(), null, client.id(),
                    reason, at));
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

    /** A user is no longer a member: each of their connections gets {@code bye} ({@code kicked}) and close 4003. */
    public int removeUser(String userId) {
        int removed = 0;
        for (ChatClient client : everyone) {
            if (client.userId().equals(userId)) {
                leave(client, LeaveReason.KICKED);
                client.sendThenClose(bye(client, "kicked"), CloseCode.KICKED, "no longer a member");
                removed++;
            }
        }
        return removed;
    }

    /** One text frame from a client: decoded, rate-checked, then handled; any refusal answers {@code error}. */
    public void receive(ChatClient client, String text) {
        long now = System.nanoTime();
        client.heard(now);
        if (clients.get(client.id()) != client) {
            return;
        }
        ClientFrame frame;
        try {
            frame = services.decoder().decode(text);
        } catch (FrameRejected rejected) {
            services.metrics().frameReceived("invalid");
            if (admit(client, false, rejected.ref(), now)) {
                error(client, rejected, now);
            }
            return;
        } catch (RuntimeException unexpected) {
            failed(client, "decoding a frame", unexpected);
            return;
        }
        services.metrics().frameReceived(frame.command().type());
        if (!admit(client, frame.command() instanceof Command.Text, frame.id(), now)) {
            return;
        }
        try {
            handle(client, frame, now);
        } catch (FrameRejected rejected) {
            error(client, rejected.withRef(frame.id()), now);
        } catch (RuntimeException unexpected) {
            failed(client, "handling " + frame.command().type(), unexpected);
        }
    }

    /**
     * The one catch-all at the socket: whatever a request threw that no rule
     * foresaw is logged with client and room, and ends that connection with
     * 1011; the room and everyone else go on.
     */
    private void failed(ChatClient client, String doing, RuntimeException unexpected) {
        LOG.log(Level.WARNING, "unexpected failure " + doing + " from " + client
                + " in room " + room.id() + "; closing it with 1011", unexpected);
        leave(client, LeaveReason.ERROR);
        client.sendThenClose(null, CloseCode.INTERNAL_ERROR, "internal error");
    }

    private boolean admit(ChatClient client, boolean isText, String ref, long now) {
        FrameRateGuard rate = client.rate();
        if (rate == null) {
            return true;
        }
        FrameRateGuard.Verdict verdict = rate.check(isText, now);
        switch (verdict) {
            case ACCEPT:
                return true;
            case REFUSE_AND_TELL:
                error(client, new FrameRejected(ErrorCode.RATE_LIMITED,
                        "too many frames; this one was dropped", ref), now);
                return false;
            case DISCONNECT:
                leave(client, LeaveReason.RATE_LIMITED);
                client.sendThenClose(null, CloseCode.POLICY, "over the frame rate for too long");
                return false;
            default:
                return false;
        }
    }

    private void handle(ChatClient client, ClientFrame frame, long now) {
        Command command = frame.command();
        if (command instanceof Command.Relay relay) {
            relay(client, frame, relay, now);
        } else if (command instanceof Command.Text text) {
            say(client, frame, text.text(), now);
        } else if (command instanceof Command.Ping ping) {
            client.send(encode(new ServerFrame("pong", null, frame.id(), ServerFrame.SERVER, client.id(), ping.data()), now));
        } else if (command instanceof Command.GetRoomInfo) {
            reply(client, frame, "room-info", roomInfo(), now);
        } else if (command instanceof Command.Profile profile) {
            rename(client, frame, profile.username(), now);
        } else if (command instanceof Command.GetIceServers) {
            sendIceServers(client, frame.id(), now);
        } else if (command instanceof Command.Refresh refresh) {
            refresh(client, frame, refresh.token(), now);
        } else if (command instanceof Command.GetHistory get) {
            reply(client, frame, "history", history(historyPage(client, get)), now);
        } else if (command instanceof Command.ClearChat) {
            clearChat(client, frame, now);
        } else if (command instanceof Command.Kick kick) {
            kick(client, kick);
        }
    }

    /** A page of history; a storage failure is {@code unavailable}, like every request the store cannot serve. */
    private HistoryPage historyPage(ChatClient client, Command.GetHistory get) {
        try {
            return services.history().page(room.id(), client.historyView(), get.before(), get.limit());
        } catch (RuntimeException storageDown) {
            throw new FrameRejected(ErrorCode.UNAVAILABLE, "chat storage is unavailable; history could not be read");
        }
    }

    private void relay(ChatClient from, ClientFrame frame, Command.Relay relay, long now) {
        if (frame.directed()) {
            ChatClient target = target(frame.receiver());
            target.send(encode(new ServerFrame(relay.type(), frame.id(), null, from.id(), target.id(), relay.data()), now));
        } else {
            broadcast(encode(new ServerFrame(relay.type(), frame.id(), null, from.id(), null, relay.data()), now), from);
        }
    }

    private void say(ChatClient from, ClientFrame frame, String text, long now) {
        ChatClient target = frame.directed() ? target(frame.receiver()) : null;
        NewMessage message = new NewMessage(room.id(), from.userId(), from.username(), text,
                target == null ? null : target.userId(), services.clock().instant().truncatedTo(ChronoUnit.MILLIS));
        services.history().append(message,
                stored -> deliverChat(from, target, frame.id(), stored, now),
                failure -> error(from, new FrameRejected(ErrorCode.UNAVAILABLE,
                        "chat storage is unavailable; the message was not sent", frame.id()), now));
    }

    private void deliverChat(ChatClient from, ChatClient to, String ref, ChatMessage stored, long now) {
        Payload.Chat chat = chat(stored);
        lock.lock();
        try {
            if (to != null) {
                if (to != from && clients.get(to.id()) == to) {
                    to.send(encode(new ServerFrame("text", null, null, from.id(), to.id(), chat), now), stored.id());
                }
                if (clients.get(from.id()) == from) {
                    from.send(encode(new ServerFrame("text", null, ref, from.id(), from.id(), chat), now), stored.id());
                }
                return;
            }
            Outbound shared = encode(new ServerFrame("text", null, null, from.id(), null, chat), now);
            Outbound own = ref == null ? shared
                    : encode(new ServerFrame("text", null, ref, from.id(), from.id(), chat), now);
            for (ChatClient client : everyone) {
                client.send(client == from ? own : shared, stored.id());
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * A display name is chosen freely within {@link DisplayNames}' rule: kept
     * in NFKC form, without invisible characters, and not looking like the
     * name of another user of this room, present now or a member who is
     * away: nobody can pass for a colleague. Identity itself is the
     * {@code user_id}, which only the token sets.
     */
    private void rename(ChatClient client, ClientFrame frame, String username, long now) {
        String name;
        try {
            name = DisplayNames.normalise(username);
        } catch (DisplayNames.Refused refused) {
            throw new FrameRejected(ErrorCode.INVALID, refused.getMessage());
        }
        List<String> taken = new ArrayList<>();
        try {
            for (Member member : services.directory().members(room.id())) {
                if (!member.userId().equals(client.userId())) {
                    taken.add(member.displayName());
                }
            }
        } catch (RuntimeException storageDown) {
            throw new FrameRejected(ErrorCode.UNAVAILABLE, "the room's members cannot be read now; try again");
        }
        lock.lock();
        try {
            for (ChatClient other : everyone) {
                if (!other.userId().equals(client.userId())) {
                    taken.add(other.username());
                }
            }
            if (DisplayNames.looksLikeAny(name, taken)) {
                throw new FrameRejected(ErrorCode.INVALID, "another user of this room goes by a name that looks like that");
            }
            client.renamed(name);
            sendToAll(client, frame, "profile", new Payload.ProfileChanged(client.id(), name), now);
        } finally {
            lock.unlock();
        }
    }

    /** Sends the client its ICE servers (and notes when their TURN credentials expire). */
    void sendIceServers(ChatClient client, String ref, long now) {
        IceGrant grant = services.ice().grant(client.userId(), services.clock().instant());
        client.iceGranted(grant.expiresAt());
        client.send(encode(ServerFrame.toClient("ice-servers", client.id(), ref, grant.servers()), now));
    }

    private void refresh(ChatClient client, ClientFrame frame, String token, long now) {
        Identity fresh;
        try {
            fresh = services.tokens().verify(token);
        } catch (TokenRejected rejected) {
            throw new FrameRejected(ErrorCode.UNAUTHORIZED, "refresh token refused: " + rejected.getMessage());
        }
        if (!fresh.userId().equals(client.userId())) {
            throw new FrameRejected(ErrorCode.UNAUTHORIZED, "refresh token belongs to another user");
        }
        Role role = roleOf(fresh);
        Role before = client.role();
        lock.lock();
        try {
            client.refreshed(fresh, role);
            reply(client, frame, "welcome", welcome(client), now);
            if (role != before) {
                broadcast(encode(ServerFrame.toRoom("role", new Payload.RoleChanged(fresh.userId(), role.wire())), now),
                        null);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The role fresh credentials give in this room, by the handshake's rule:
     * an administrator acts as owner, anyone else with the role stored for
     * them (a member when none is).
     */
    private Role roleOf(Identity who) {
        if (who.admin()) {
            return Role.OWNER;
        }
        try {
            return services.directory().member(room.id(), who.userId()).map(m -> m.role()).orElse(Role.MEMBER);
        } catch (RuntimeException storageDown) {
            throw new FrameRejected(ErrorCode.UNAVAILABLE, "the room's members cannot be read now; refresh again");
        }
    }

    private void clearChat(ChatClient client, ClientFrame frame, long now) {
        if (!client.role().moderates()) {
            throw new FrameRejected(ErrorCode.FORBIDDEN, "only moderators and owners may clear the chat");
        }
        services.history().clear(room.id(), () -> {
            lock.lock();
            try {
                sendToAll(client, frame, "clear-chat", null, now);
            } finally {
                lock.unlock();
            }
            services.audit().record(new RoomEvent(room.id(), RoomEvent.Kind.CLEARED, null, client.userId(),
                    client.id(), null, services.clock().instant()));
        }, failure -> error(client, new FrameRejected(ErrorCode.UNAVAILABLE,
                "chat storage is unavailable; the chat was not cleared", frame.id()), now));
    }

    private void kick(ChatClient by, Command.Kick kick) {
        if (!by.role().moderates()) {
            throw new FrameRejected(ErrorCode.FORBIDDEN, "only moderators and owners may kick");
        }
        List<ChatClient> targets = new ArrayList<>();
        if (kick.clientId() != null) {
            targets.add(target(kick.clientId()));
        } else {
            for (ChatClient client : everyone) {
                if (client.userId().equals(kick.userId())) {
                    targets.add(client);
                }
            }
            if (targets.isEmpty()) {
                throw new FrameRejected(ErrorCode.NO_SUCH_CLIENT, "user " + shown(kick.userId()) + " is not in this room");
            }
        }
        for (ChatClient target : targets) {
            if (target.role() == Role.OWNER && by.role() != Role.OWNER) {
                throw new FrameRejected(ErrorCode.FORBIDDEN, "a moderator may not kick an owner");
            }
        }
        for (ChatClient target : targets) {
            leave(target, LeaveReason.KICKED);
            target.sendThenClose(bye(target, "kicked"), CloseCode.KICKED, "kicked");
            services.audit().record(new RoomEvent(room.id(), RoomEvent.Kind.KICKED, target.userId(), by.userId(),
                    target.id(), null, services.clock().instant()));
        }
    }

    /** The client's credentials ran out: {@code bye} ({@code expired}) and close 4001. */
    void expire(ChatClient client) {
        leave(client, LeaveReason.EXPIRED);
        client.sendThenClose(bye(client, "expired"), CloseCode.EXPIRED, "credentials expired");
    }

    private ChatClient target(String clientId) {
        ChatClient target = clients.get(clientId);
        if (target == null) {
            throw new FrameRejected(ErrorCode.NO_SUCH_CLIENT, "no client " + shown(clientId) + " in this room");
        }
        return target;
    }

    /** Everyone gets the frame; the sender's own copy carries its {@code ref}. Call under the lock. */
    private void sendToAll(ChatClient from, ClientFrame frame, String type, Object data, long now) {
        Outbound shared = encode(new ServerFrame(type, null, null, from.id(), null, data), now);
        Outbound own = frame.id() == null ? shared
                : encode(new ServerFrame(type, null, frame.id(), from.id(), from.id(), data), now);
        for (ChatClient client : everyone) {
            client.send(client == from ? own : shared);
        }
    }

    private void broadcast(Outbound frame, ChatClient except) {
        for (ChatClient client : everyone) {
            if (client != except) {
                client.send(frame);
            }
        }
    }

    private void reply(ChatClient client, ClientFrame frame, String type, Object data, long now) {
        client.send(encode(ServerFrame.toClient(type, client.id(), frame.id(), data), now));
    }

    private void error(ChatClient client, FrameRejected rejected, long now) {
        services.metrics().errorSent(rejected.code().wire());
        client.send(encode(ServerFrame.error(client.id(), rejected.ref(), rejected.code(), rejected.getMessage()), now));
    }

    private Outbound bye(ChatClient client, String reason) {
        return encode(ServerFrame.toClient("bye", client.id(), null, new Payload.Bye(reason)), System.nanoTime());
    }

    private Outbound encode(ServerFrame frame, long bornNanos) {
        return Outbound.of(services.encoder().encode(frame), frame.type(), bornNanos);
    }

    private Payload.Welcome welcome(ChatClient client) {
        Instant expires = client.expiresAt();
        return new Payload.Welcome(client.id(), client.userId(), client.username(), room.id(), client.role().wire(),
                expires == null ? null : expires.toString(), 1);
    }

    private Payload.RoomInfo roomInfo() {
        ChatClient[] all = everyone;
        List<Payload.ClientInfo> infos = new ArrayList<>(all.length);
        for (ChatClient client : all) {
            infos.add(client.info());
        }
        return new Payload.RoomInfo(room.id(), room.name(), infos);
    }

    private static Payload.History history(HistoryPage page) {
        List<Payload.Chat> messages = new ArrayList<>(page.messages().size());
        for (ChatMessage message : page.messages()) {
            messages.add(chat(message));
        }
        return new Payload.History(messages, page.more());
    }

    static Payload.Chat chat(ChatMessage m) {
        return new Payload.Chat(m.id(), m.displayName(), m.userId(), m.sentAt().toString(), m.text(), m.isPrivate(),
                m.toUserId());
    }

    private static String shown(String untrusted) {
        return untrusted.length() > 64 ? untrusted.substring(0, 64) + "..." : untrusted;
    }
}
