package com.rooms.history;

import java.time.Instant;
import java.util.List;

/**
 * A search of one room's history (the HTTP API's {@code messages} call);
 * newest first. Null fields do not filter.
 *
 * @param view           what the asking member may see; null for an administrator (everything)
 * @param beforeId       only ids below this
 * @param afterId        only ids above this
 * @param since          sent at or after
 * @param until          sent before
 * @param userId         said by this user
 * @param words          every one of them in the text, ignoring case
 * @param includeCleared also messages a moderator cleared (administrators only)
 */
public record MessageQuery(String roomId, HistoryView view, Long beforeId, Long afterId, Instant since,
                           Instant until, String userId, List<String> words, boolean includeCleared, int limit) {
}
