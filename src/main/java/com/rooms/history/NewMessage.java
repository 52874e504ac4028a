package com.rooms.history;

import java.time.Instant;

/** A chat message before it is stored (and so before it has an id). */
public record NewMessage(String roomId, String userId, String displayName, String text, String toUserId,
                         Instant sentAt) {
}
