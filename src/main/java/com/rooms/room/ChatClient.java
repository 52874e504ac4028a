package com.rooms.room;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.rooms.history.HistoryView;
import com.rooms.membership.Role;
import com.rooms.protocol.Payload;
import com.rooms.security.FrameRateGuard;
import com.rooms.security.Identity;

/**
 * One place in a room: its client id, the user behind it, the frames it was
 * sent (numbered by {@code seq}, the newest kept for a resume), and the
 * outgoing queue of its connection. One user may hold several.
 *
 * <p>A place outlives its connection when the connection dropped
 * (PROTOCOL.md 3.3): it is then kept without one ({@link #detach}) until a
 * resume gives it a new one ({@link #attach}) or the place ends
 * ({@link #endPlace}). The client's own lock orders numbering with
 * switching connections, and nothing that takes another lock runs under it.
 */
public final class ChatClient {
    private final String id;
    private volatile Role role;
    private final HistoryView historyView;
    private final RoomServices services;
    private final Places places;
    private final KeptFrames kept;
    /** The connection's queue; null while the place is kept without a connection. Guarded by this. */
    private OutboundQueue out;
    /** Guarded by this. */
    private String resumeToken;
    /** Guarded by this; counts detachments, so a window timer knows whether it is still the one. */
    private long detachments;
    private volatile boolean placeEnded;
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
    /** Frames that arrived while the room's history was being read; null once it was shown. */
    private volatile List<Held> held;

    ChatClient(String id, Identity identity, Role role, HistoryView historyView, Connection connection,
               RoomServices services, long nowNanos) {
        this(id, identity, role, historyView, connection, services, Places.OFF, nowNanos);
    }

    ChatClient(String id, Identity identity, Role role, HistoryView historyView, Connection connection,
               RoomServices services, Places places, long nowNanos) {
        this.id = id;
        this.services = services;
        this.places = places;
        this.kept = places.on() ? new KeptFrames() : new KeptFrames(0, 0);
        this.identity = identity;
        this.username = identity.displayName();
        this.role = role;
        this.historyView = historyView;
        this.rate = services.frameRates() ? new FrameRateGuard(nowNanos) : null;
        this.lastHeardNanos = nowNanos;
        this.lastPingNanos = nowNanos;
        this.out = queueFor(connection);
    }

    private OutboundQueue queueFor(Connection connection) {
        return new OutboundQueue(connection, services.closer(), services.later(), services.metrics(), this::overflowed);
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

    /** Whether the place has a connection now (false while kept for a resume, and once it ended). */
    public synchronized boolean attached() {
        return out != null;
    }

    /** Whether {@code connection} is the place's connection now (not one a resume replaced). */
    synchronized boolean holds(Connection connection) {
        return out != null && out.connection() == connection;
    }

    boolean placeEnded() {
        return placeEnded;
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
            first.forEach(this::deliver);
            for (Held h : held) {
                if (h.chatId() == 0 || h.chatId() > historyUpTo) {
                    deliver(h.frame());
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
    synchronized void pingIfDue(long nowNanos, long intervalNanos) {
        if (out != null && nowNanos - lastPingNanos >= intervalNanos) {
            lastPingNanos = nowNanos;
            out.offerPing();
        }
    }

    /** A pong on the connection: what was sent before the ping it answers was read, and need not be kept. */
    public void ponged(long nowNanos) {
        heard(nowNanos);
        synchronized (this) {
            if (out != null) {
                long read = out.ponged();
                if (read > 0) {
                    kept.readThrough(read);
                }
            }
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
        deliver(frame);
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
            deliver(frame);
        }
    }

    /**
     * Numbers the frame, keeps it for a resume and queues it to the
     * connection, if any. A place kept without a connection whose missed
     * frames would pass the queue limit ends ({@code left} {@code timeout}).
     */
    private void deliver(Outbound frame) {
        synchronized (this) {
            if (placeEnded) {
                return;
            }
            KeptFrames.Numbered numbered = kept.keep(frame);
            if (numbered != null) {
                if (out != null) {
                    out.offer(frame, numbered.seq(), true);
                }
                return;
            }
        }
        ChatRoom current = room;
        if (current != null) {
            current.leave(this, Disconnect.TIMEOUT);
        }
    }

    /** A fresh resume token for a {@code welcome}, voiding the previous one; null when resume is off. */
    synchronized String newResumeToken() {
        resumeToken = placeEnded ? null : places.issue(this, resumeToken);
        return resumeToken;
    }

    int resumeWindowSeconds() {
        return places.windowSeconds();
    }

    /**
     * The connection {@code connection} is gone but the place is kept for a
     * resume (PROTOCOL.md 3.3): frames go on being numbered and kept until
     * the window runs out. False when the place had no such connection (a
     * resume replaced it, or it was already kept or over) or resume is off.
     */
    boolean detach(Connection connection) {
        return detached(connection) != null;
    }

    /**
     * Keeps the place for a resume and closes its connection as {@code why}
     * says (the server's 1001: keep-alive gave up); false when there is no
     * connection to close or resume is off.
     */
    boolean detachAndClose(Disconnect why) {
        OutboundQueue closing = detached(null);
        if (closing == null) {
            return false;
        }
        closing.closeGone(why.code(), why.phrase());
        return true;
    }

    /** Detaches the connection ({@code null}: whichever it has) and starts the window; the queue it had, or null. */
    private OutboundQueue detached(Connection connection) {
        OutboundQueue gone;
        long n;
        synchronized (this) {
            if (!places.on() || placeEnded || out == null || connection != null && out.connection() != connection) {
                return null;
            }
            gone = out;
            gone.terminate();
            kept.detach(gone.handed());
            out = null;
            places.keptWithoutConnection();
            n = ++detachments;
        }
        services.later().run(() -> windowOver(n), places.windowSeconds() * 1000L);
        return gone;
    }

    private void windowOver(long detachment) {
        ChatRoom current = room;
        if (current != null && keptSince(detachment)) {
            current.leave(this, Disconnect.TIMEOUT);
        }
    }

    /** Whether the place is still kept without a connection since detachment {@code n}. */
    synchronized boolean keptSince(long n) {
        return !placeEnded && out == null && detachments == n;
    }

    /** Whether a client that read up to {@code lastSeq} can take the place back. */
    synchronized boolean covers(long lastSeq) {
        return !placeEnded && kept.covers(lastSeq);
    }

    /**
     * Gives the place a new connection (a resume): the old one, if the server
     * still thought it open, is closed without anybody being told. The new
     * one gets {@code welcome}, the kept frames after {@code lastSeq}, then
     * {@code roomInfo}. Called under the room's lock. False when the place
     * ended or no longer has every frame after {@code lastSeq}.
     */
    synchronized boolean attach(Connection connection, long lastSeq, Supplier<Outbound> welcome,
                                Supplier<Outbound> roomInfo) {
        if (placeEnded || !kept.covers(lastSeq)) {
            return false;
        }
        if (out != null) {
            out.closeNow(Disconnect.REPLACED.code(), Disconnect.REPLACED.phrase());
        } else {
            places.reattached();
        }
        kept.attach();
        List<KeptFrames.Numbered> missed = kept.after(lastSeq);
        out = queueFor(connection);
        lastPingNanos = System.nanoTime();
        lastHeardNanos = lastPingNanos;
        KeptFrames.Numbered hello = kept.keep(welcome.get());
        out.offer(hello.frame(), hello.seq(), false);
        for (KeptFrames.Numbered frame : missed) {
            out.offer(frame.frame(), frame.seq(), false);
        }
        KeptFrames.Numbered info = kept.keep(roomInfo.get());
        out.offer(info.frame(), info.seq(), false);
        return true;
    }

    /** The place is over (it left its room): nothing more is kept or written. True the first time only. */
    boolean endPlace() {
        String token;
        boolean wasKept;
        synchronized (this) {
            if (placeEnded) {
                return false;
            }
            placeEnded = true;
            token = resumeToken;
            resumeToken = null;
            wasKept = out == null;
        }
        places.ended(this, token, wasKept);
        return true;
    }

    /** How many frames are kept for a resume now. */
    synchronized int keptFrames() {
        return kept.size();
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
        synchronized (this) {
            if (out == null) {
                return;
            }
            if (why.dropsQueue()) {
                out.closeNow(why.code(), why.phrase());
            } else if (bye == null) {
                out.closeAfter(null, why.code(), why.phrase());
            } else {
                KeptFrames.Numbered last = kept.keep(bye);
                out.closeAfter(bye, last == null ? 0 : last.seq(), why.code(), why.phrase());
            }
        }
    }

    /** The transport of a place that never entered its room is gone: stop writing. */
    synchronized void abandon() {
        placeEnded = true;
        if (out != null) {
            out.terminate();
        }
    }

    /** The connection's queue overflowed or a write failed: the client is cut off (1013) and leaves. */
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
