package com.rooms.room;

import com.rooms.protocol.CloseCode;

/**
 * Every way a client leaves its room, with what the others are told and what
 * the client itself gets: the {@code reason} of the {@code left} frame, the
 * {@code reason} of a {@code bye} sent before the close (none for most), and
 * the close code and phrase. The protocol leaves the reasons open;
 * docs/decisions.md lists them.
 *
 * <p>{@link #dropsQueue()}: the close is sent at once and what was still
 * queued for the client is dropped (it broke the protocol, stopped answering
 * or fell behind); otherwise queued frames are written first.
 */
public enum Disconnect {
    /** The client closed the connection, or the transport is gone: nothing is sent to it. */
    CLOSED("closed", null, null, null, false),
    /** A moderator or owner kicked it. */
    KICKED("kicked", "kicked", CloseCode.KICKED, "kicked", false),
    /** The user's membership ended; the room sees a kick. */
    REMOVED("kicked", "kicked", CloseCode.KICKED, "no longer a member", false),
    EXPIRED("expired", "expired", CloseCode.EXPIRED, "credentials expired", false),
    RATE_LIMITED("rate-limited", null, CloseCode.POLICY, "over the frame rate for too long", false),
    /** It stopped answering the keep-alive, or (resume) its kept place was not taken back in time. */
    TIMEOUT("timeout", null, CloseCode.GOING_AWAY, "no answer to keep-alive", true),
    /** A resume gave its place a new connection; the old one is closed and nobody is told. */
    REPLACED("closed", null, CloseCode.NORMAL, "resumed on another connection", true),
    /** Its queue overflowed. */
    TOO_SLOW("too-slow", null, CloseCode.TOO_SLOW, "too slow to keep up", true),
    /** A write to it failed or did not finish in time. */
    WRITE_FAILED("too-slow", null, CloseCode.TOO_SLOW, "write failed", true),
    TOO_BIG("error", null, CloseCode.TOO_BIG, "frame over 65536 bytes", true),
    BINARY("error", null, CloseCode.BINARY_FRAME, "binary frames are not accepted", true),
    /** Something no rule foresaw failed while handling its frame (logged). */
    INTERNAL_ERROR("error", null, CloseCode.INTERNAL_ERROR, "internal error", false),
    SHUTDOWN("shutdown", "shutdown", CloseCode.GOING_AWAY, "shutdown", false),
    ROOM_DELETED("room-deleted", "room-deleted", CloseCode.ROOM_DELETED, "room-deleted", false);

    private final String leftReason;
    private final String byeReason;
    private final CloseCode code;
    private final String phrase;
    private final boolean dropsQueue;

    Disconnect(String leftReason, String byeReason, CloseCode code, String phrase, boolean dropsQueue) {
        this.leftReason = leftReason;
        this.byeReason = byeReason;
        this.code = code;
        this.phrase = phrase;
        this.dropsQueue = dropsQueue;
    }

    /** The {@code reason} of the {@code left} frame the others get. */
    public String leftReason() {
        return leftReason;
    }

    /** The {@code reason} of the {@code bye} the client gets before the close, or null for none. */
    public String byeReason() {
        return byeReason;
    }

    /** The close code sent, or null when the connection is already gone. */
    public CloseCode code() {
        return code;
    }

    public String phrase() {
        return phrase;
    }

    public boolean dropsQueue() {
        return dropsQueue;
    }
}
