package com.rooms.admin;

/** A room cannot be created: its id is taken. */
public class RoomExists extends RuntimeException {
    public RoomExists(String roomId) {
        super("a room with id " + roomId + " exists", null, false, false);
    }
}
