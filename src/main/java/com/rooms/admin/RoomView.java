package com.rooms.admin;

import com.rooms.membership.Role;
import com.rooms.membership.Room;

/**
 * A room as the HTTP API shows it to one caller.
 *
 * @param online clients connected to it now
 * @param role   the caller's role there, null when they have none
 */
public record RoomView(Room room, int online, Role role) {
}
