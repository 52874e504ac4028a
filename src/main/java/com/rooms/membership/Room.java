package com.rooms.membership;

import java.time.Instant;
import java.util.regex.Pattern;

/** A room's settings, as its administrators made it. */
public record Room(String id, String name, Visibility visibility, HistorySetting history, String createdBy,
                   Instant createdAt) {

    /** A room id: 1 to 64 of {@code a-z 0-9 - _} (PROTOCOL.md 1). */
    public static final Pattern VALID_ID = Pattern.compile("[a-z0-9_-]{1,64}");

    /** The longest room name, in characters. */
    public static final int MAX_NAME_LENGTH = 200;
}
