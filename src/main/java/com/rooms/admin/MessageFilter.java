package com.rooms.admin;

import java.time.Instant;
import java.util.List;

/** The query parameters of {@code GET /api/rooms/{id}/messages}, checked. */
public record MessageFilter(Long before, Long after, Instant since, Instant until, String userId, List<String> words,
                            int limit, boolean includeCleared) {
}
