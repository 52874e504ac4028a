package com.rooms.membership;

/**
 * A change to a room's settings; a null field stays as it is.
 *
 * @param maxClients the new limit, or {@link #NO_LIMIT} to remove it
 */
public record RoomChange(String name, Visibility visibility, HistorySetting history, Boolean locked,
                         Integer maxClients) {
    /** {@code maxClients} of a change that removes the room's size limit. */
    public static final int NO_LIMIT = 0;

    public RoomChange(String name, Visibility visibility, HistorySetting history) {
        this(name, visibility, history, null, null);
    }

    public static RoomChange locking(boolean locked) {
        return new RoomChange(null, null, null, locked, null);
    }
}
