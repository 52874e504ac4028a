package com.rooms.history;

import java.util.List;

/**
 * @param messages oldest first
 * @param more     older messages visible to the same viewer exist
 */
public record HistoryPage(List<ChatMessage> messages, boolean more) {
}
