package com.rooms.membership;

import java.util.Optional;

/** Public rooms admit any signed-in user; private ones only their members. */
public enum Visibility {
    PUBLIC("public"),
    PRIVATE("private");

    private final String wire;

    Visibility(String wire) {
        this.wire = wire;
    }

    /** As on the wire and in the {@code room.visibility} column. */
    public String wire() {
        return wire;
    }

    public static Optional<Visibility> fromWire(String value) {
        return WireValues.find(values(), Visibility::wire, value);
    }
}
