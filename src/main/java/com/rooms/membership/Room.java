package com.rooms.membership;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A room's settings, as its administrators made it.
 *
 * @param locked     whether only its moderators and owners may join now (PROTOCOL.md 3.3)
 * @param maxClients the most connections it takes at once, or null for no limit
 */
public record Room(String id, String name, Visibility visibility, HistorySetting history, String createdBy,
                   Instant createdAt, boolean locked, Integer maxClients) {

    /** The largest {@code max_clients} a room may be given. */
    public static final int MAX_CLIENTS_LIMIT = 10_000;

    /** An unlocked room without a size limit. */
    public Room(String id, String name, Visibility visibility, HistorySetting history, String createdBy,
                Instant createdAt) {
        this(id, name, visibility, history, createdBy, createdAt, false, null);
    }

    /** These settings with what {@code change} sets replaced. */
    public Room changedBy(RoomChange change) {
        Integer limit = change.maxClients() == null ? maxClients
                : change.maxClients() == RoomChange.NO_LIMIT ? null : change.maxClients();
        return new Room(id, change.name() == null ? name : change.name(),
                change.visibility() == null ? visibility : change.visibility(),
                change.history() == null ? history : change.history(), createdBy, createdAt,
                change.locked() == null ? locked : change.locked(), limit);
    }

    /** Whether {@code connected} connections fill it. */
    public boolean fullWith(int connected) {
        return maxClients != null && connected >= maxClients;
    }

    /** A room id: 1 to 64 of {@code a-z 0-9 - _} (PROTOCOL.md 1). */
    public static final Pattern VALID_ID = Pattern.compile("[a-z0-9_-]{1,64}");

    /** The longest room name, in characters. */
    public static final int MAX_NAME_LENGTH = 200;
}
