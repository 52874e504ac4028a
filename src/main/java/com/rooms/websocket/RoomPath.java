package com.rooms.websocket;

import com.rooms.membership.Names;

/** The room id of a room socket path ({@code /ws/rooms/{roomId}}, inside the application). */
public final class RoomPath {
    public static final String PREFIX = "/ws/rooms/";

    private RoomPath() {
    }

    /** The room id, or null when the path holds no well-formed one. */
    public static String roomId(String pathInApplication) {
        String roomId = pathInApplication.startsWith(PREFIX) ? pathInApplication.substring(PREFIX.length()) : "";
        return Names.roomId(roomId) ? roomId : null;
    }
}
