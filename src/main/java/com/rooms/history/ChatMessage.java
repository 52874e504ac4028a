package com.rooms.history;

import java.time.Instant;

/**
 * A stored chat message.
 *
 * @param id       grows in the order the room's clients were shown the messages
 * @param toUserId the receiving user of a private message, else null
 */
public record ChatMessage(long id, String roomId, String userId, String displayName, String text,
                          String toUserId, Instant sentAt) {

    public boolean isPrivate() {
        return toUserId != null;
    }

    /** Whether this message may be shown to the given user at all (private ones only to their two users). */
    public boolean visibleTo(String viewerUserId) {
        return toUserId == null || toUserId.equals(viewerUserId) || userId.equals(viewerUserId);
    }
}
