package com.rooms.membership;

import java.time.Instant;

/** A user's membership of one room. */
public record Member(String roomId, String userId, String displayName, Role role, Instant joinedAt,
                     Instant lastSeenAt) {
}
