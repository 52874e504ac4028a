package com.rooms.membership;

import java.time.Instant;
import java.util.Optional;
import java.util.function.LongSupplier;

import com.rooms.history.HistoryView;

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

    /**
     * What one viewer may be shown of the room's past under this setting: a
     * {@code none} room shows nothing up to the newest message now
     * ({@code lastId}, read only for {@code none}).
     */
    public HistoryView viewFor(String userId, Instant memberSince, LongSupplier lastId) {
        return switch (this) {
            case SHARED -> new HistoryView(userId, null, 0);
            case SINCE_JOIN -> new HistoryView(userId, memberSince, 0);
            case NONE -> new HistoryView(userId, null, lastId.getAsLong());
        };
    }

    public static Optional<HistorySetting> fromWire(String value) {
        return WireValues.find(values(), HistorySetting::wire, value);
    }
}
