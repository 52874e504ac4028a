package com.rooms.room;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open connections by user, and by user and room, against the caps of
 * {@link NodeSettings} (0: no limit). The handshake asks first
 * ({@link #reached}); {@link #take} counts a connection only while it fits.
 */
final class ConnectionCaps {
    static final String TOO_MANY_IN_ROOM = "too-many-in-room";
    static final String TOO_MANY_CONNECTIONS = "too-many-connections";

    private final Map<String, Integer> perUser = new ConcurrentHashMap<>();
    private final Map<String, Integer> perUserInRoom = new ConcurrentHashMap<>();
    private final int userLimit;
    private final int userInRoomLimit;

    ConnectionCaps(NodeSettings settings) {
        this.userLimit = settings.perUser();
        this.userInRoomLimit = settings.perUserInRoom();
    }

    /** The error code of the cap the user reached for the room, or null while they may connect. */
    String reached(String userId, String roomId) {
        if (reached(perUserInRoom, inRoom(userId, roomId), userInRoomLimit)) {
            return TOO_MANY_IN_ROOM;
        }
        if (reached(perUser, userId, userLimit)) {
            return TOO_MANY_CONNECTIONS;
        }
        return null;
    }

    /** Counts one more connection; the cap it would pass, or null when it was counted. */
    String take(String userId, String roomId) {
        if (!take(perUser, userId, userLimit)) {
            return TOO_MANY_CONNECTIONS;
        }
        if (!take(perUserInRoom, inRoom(userId, roomId), userInRoomLimit)) {
            release(perUser, userId);
            return TOO_MANY_IN_ROOM;
        }
        return null;
    }

    void release(String userId, String roomId) {
        release(perUser, userId);
        release(perUserInRoom, inRoom(userId, roomId));
    }

    private static String inRoom(String userId, String roomId) {
        return userId + '\n' + roomId;
    }

    private static boolean reached(Map<String, Integer> counts, String key, int limit) {
        Integer open = counts.get(key);
        return limit > 0 && open != null && open >= limit;
    }

    private static boolean take(Map<String, Integer> counts, String key, int limit) {
        boolean[] taken = {false};
        counts.compute(key, (k, open) -> {
            int now = open == null ? 0 : open;
            if (limit > 0 && now >= limit) {
                return open;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    private static void release(Map<String, Integer> counts, String key) {
        counts.computeIfPresent(key, (k, open) -> open <= 1 ? null : open - 1);
    }
}
