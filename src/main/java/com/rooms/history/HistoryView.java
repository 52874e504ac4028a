package com.rooms.history;

import java.time.Instant;

/**
 * What one viewer may be shown of a room's past: private messages only when
 * they sent or received them, and nothing older than the room's history
 * setting allows.
 *
 * @param userId    the viewer
 * @param sentSince only messages sent at or after this instant, or null for all
 * @param afterId   only messages with a larger id (0 for all)
 */
public record HistoryView(String userId, Instant sentSince, long afterId) {

    public boolean shows(ChatMessage m) {
        return m.id() > afterId && m.visibleTo(userId) && (sentSince == null || !m.sentAt().isBefore(sentSince));
    }
}
