package com.rooms.live;

import com.rooms.membership.Role;

/**
 * One connection to a room, as {@code room-info} and
 * {@code GET /api/rooms/{id}/clients} show it.
 *
 * @param id       the client id ({@code <node id>-<sequence>})
 * @param userId   the signed-in user
 * @param username the display name the client chose
 * @param role     the user's role in the room
 */
public record LiveClient(String id, String userId, String username, Role role) {
}
