package com.rooms.membership;

/**
 * A user may not enter a room or do something to it: the room (or the member
 * acted on) does not exist, they are not a member of a private one, or their
 * role does not allow it.
 */
public class AccessRefused extends RuntimeException {
    public enum Reason {
        NO_SUCH_ROOM, NO_SUCH_MEMBER, NOT_A_MEMBER, NOT_PERMITTED,
        /** The room is locked and the user neither a moderator nor an owner there (PROTOCOL.md 3.3). */
        LOCKED,
        /** The room has {@code max_clients} connections (PROTOCOL.md 7). */
        ROOM_FULL
    }

    private final Reason reason;

    public AccessRefused(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Whether what was asked for does not exist, rather than being withheld from this user. */
    public boolean missing() {
        return reason == Reason.NO_SUCH_ROOM || reason == Reason.NO_SUCH_MEMBER;
    }
}
