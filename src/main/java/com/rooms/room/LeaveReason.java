package com.rooms.room;

/**
 * The {@code reason} of a {@code left} frame. The protocol leaves these
 * values open; docs/decisions.md lists them.
 */
public final class LeaveReason {
    public static final String CLOSED = "closed";
    public static final String KICKED = "kicked";
    public static final String EXPIRED = "expired";
    public static final String TOO_SLOW = "too-slow";
    public static final String RATE_LIMITED = "rate-limited";
    public static final String TIMEOUT = "timeout";
    public static final String ERROR = "error";
    public static final String SHUTDOWN = "shutdown";
    public static final String ROOM_DELETED = "room-deleted";

    private LeaveReason() {
    }
}
