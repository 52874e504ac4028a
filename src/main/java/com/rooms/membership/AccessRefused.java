package com.rooms.membership;

/** A user may not enter a room: it does not exist, or they are not a member of a private one. */
public class AccessRefused extends RuntimeException {
    public enum Reason {
        NO_SUCH_ROOM, NOT_A_MEMBER
    }

    private final Reason reason;

    public AccessRefused(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
