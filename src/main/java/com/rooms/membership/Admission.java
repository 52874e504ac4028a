package com.rooms.membership;

import java.time.Instant;

/**
 * The outcome of letting a user into a room.
 *
 * @param role        the role they hold there (administrators: owner)
 * @param memberSince when they first became a member
 */
public record Admission(Room room, Role role, Instant memberSince) {
}
