package com.rooms.membership;

import java.util.Optional;

/** A user's role in a room (PROTOCOL.md 1.2). */
public enum Role {
    OWNER("owner"),
    MODERATOR("moderator"),
    MEMBER("member");

    private final String wire;

    Role(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<Role> fromWire(String value) {
        return WireValues.find(values(), Role::wire, value);
    }

    /** Owners and moderators may kick and clear the chat. */
    public boolean moderates() {
        return this != MEMBER;
    }
}
