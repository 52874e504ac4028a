package com.rooms.room;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.rooms.history.HistoryView;
import com.rooms.membership.Role;
import com.rooms.protocol.Payload;
import com.rooms.security.FrameRateGuard;
import com.rooms.security.Identity;

/**
 * One connection to a room: its client id, the user behind it, and its own
 * outgoing queue. One user may hold several.
 */
public final class ChatClient {
    private final String id;
    private volatile Role role;
    private final HistoryView historyView;
    private final OutboundQueue out;
    /** Null when frame rates are off (benchmark mode). */
    private final FrameRateGuard rate;
    private volatile Identity identity;
    private volatile String username;
    private volatile Payload.ClientStatus status = Payload.ClientStatus.NONE;
    private volatile long lastHeardNanos;
    private volatile long lastPingNanos;
    private volatile Instant iceExpiresAt;
    /** Chat with an id up to this was in the history the client got on joining. */
    private volatile long liveAfterId;
    private volatile ChatRoom room;
    private final AtomicBoolean ended = new AtomicBoolean();
    /** Frames that arrived while the room's history was being read; null once it was shown. */
    private volatile List<Held> held;

    ChatClient(String id, Identity identity, Role role, HistoryView historyView, Connection connection,
               RoomServices services, long nowNanos) {
        this.id = id;
        this.identity = identity;
        this.username = identity.displayName();
        this.role = role;
        this.historyView = historyView;
        this.rate = services.frameRates() ? new FrameRateGuard(nowNanos) : null;
        this.lastHeardNanos = nowNanos;
        this.lastPingNanos = nowNanos;
        this.out = new OutboundQueue(connection, services.closer(), services.later(), services.metrics(), this::overflowed);
    }

    public String id() {
        return id;
    }

    public String userId() {
        return identity.userId();
    }

    public Identity identity() {
        return identity;
    }

    public String username() {
        return username;
    }

    public Role role() {
        return role;
    }

    /** Takes a role given through the HTTP API; an administrator's connection stays owner. */
    void changeRole(Role changed) {
        if (!identity.admin()) {
            role = changed;
        }
    }

    public Instant expiresAt() {
        return identity.expiresAt();
    }

    public ChatRoom room() {
        return room;
    }

    public boolean isOpen() {
        return out.isOpen();
    }

    HistoryView historyView() {
        return historyView;
    }

    FrameRateGuard rate() {
        return rate;
    }

    /** Fresh credentials, and the role they give (a user who left the administrators' group is no longer owner). */
    void refreshed(Identity fresh, Role freshRole) {
        this.identity = fresh;
        this.role = freshRole;
    }

    void renamed(String newName) {
        this.username = newName;
    }

    /**
     * Entering a room, before its history was read: from now on frames for
     * this client are held back (chat with its message id) until
     * {@link #showHistory} sends the history first. Called before the room
     * publishes the client, so no frame can slip past the hold.
     */
    void entering(ChatRoom joinedRoom) {
        this.room = joinedRoom;
        this.held = new ArrayList<>();
    }

    /**
     * Sends the history (and what else must come right after it), then what
     * was held back meanwhile, minus the chat the history already showed:
     * every message id up to {@code historyUpTo}.
     */
    void showHistory(List<Outbound> first, long historyUpTo) {
        synchronized (this) {
            liveAfterId = historyUpTo;
            first.forEach(out::offer);
            for (Held h : held) {
                if (h.chatId() == 0 || h.chatId() > historyUpTo) {
                    out.offer(h.frame());
                }
            }
            held = null;
        }
    }

    Instant iceExpiresAt() {
        return iceExpiresAt;
    }

    void iceGranted(Instant expiresAt) {
        this.iceExpiresAt = expiresAt;
    }

    public void heard(long nowNanos) {
        lastHeardNanos = nowNanos;
    }

    long lastHeardNanos() {
        return lastHeardNanos;
    }

    /** Queues a keep-alive ping when the last one is at least {@code intervalNanos} old. */
    void pingIfDue(long nowNanos, long intervalNanos) {
        if (nowNanos - lastPingNanos >= intervalNanos) {
            lastPingNanos = nowNanos;
            out.offerPing();
        }
    }

    Payload.ClientInfo info() {
        return new Payload.ClientInfo(id, userId(), username, role.wire(), status);
    }

    Payload.ClientStatus status() {
        return status;
    }

    /** Merges what a {@code status} frame set into this client's status; the whole status after it. */
    Payload.ClientStatus statusChanged(Boolean hand, Boolean audio, Boolean video, Boolean screen) {
        status = status.merge(hand, audio, video, screen);
        return status;
    }

    /** Queues a frame; a client whose queue overflows is cut off (1013) and leaves its room. */
    void send(Outbound frame) {
        send(frame, 0);
    }

    /** Queues a frame past the hold: only for the first frames, before the room publishes the client. */
    void sendFirst(Outbound frame) {
        out.offer(frame);
    }

    /**
     * Queues a chat delivery; dropped when the client's history already
     * showed that message. {@code chatId} 0: not chat.
     */
    void send(Outbound frame, long chatId) {
        if (held != null) {
            synchronized (this) {
                if (held != null) {
                    held.add(new Held(frame, chatId));
                    return;
                }
            }
        }
        if (chatId == 0 || chatId > liveAfterId) {
            out.offer(frame);
        }
    }

    private record Held(Outbound frame, long chatId) {
    }

    /**
     * Closes the connection as {@code why} says: at once, dropping what is
     * queued, or after what is queued and then {@code bye} (may be null).
     */
    void close(Disconnect why, Outbound bye) {
        if (why.code() == null) {
            return;
        }
        if (why.dropsQueue()) {
            out.closeNow(why.code(), why.phrase());
        } else {
            out.closeAfter(bye, why.code(), why.phrase());
        }
    }

    /** The transport is gone: stop writing. True the first time only. */
    public boolean ended() {
        out.terminate();
        return ended.compareAndSet(false, true);
    }

    private void overflowed() {
        ChatRoom current = room;
        if (current != null) {
            current.leave(this, Disconnect.TOO_SLOW);
        }
    }

    @Override
    public String toString() {
        return "client " + id + " (user " + userId() + ")";
    }
}
