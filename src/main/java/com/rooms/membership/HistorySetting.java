package com.rooms.membership;

import java.util.Arrays;
import java.util.Optional;

/** What a room shows a member of its past (PROTOCOL.md 1.2). */
public enum HistorySetting {
    /** Everything stored. */
    SHARED("shared"),
    /** Only what was said after the user first became a member. */
    SINCE_JOIN("since-join"),
    /** Nothing said before the current connection opened. */
    NONE("none");

    private final String wire;

    HistorySetting(String wire) {
        this.wire = wire;
    }

    /** As on the wire and in the {@code room.history_setting} column. */
    public String wire() {
        return wire;
    }

    public static Optional<HistorySetting> fromWire(String value) {
        return Arrays.stream(values()).filter(h -> h.wire.equals(value)).findFirst();
    }
}
