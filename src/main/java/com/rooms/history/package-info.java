/**
 * Stored chat: {@link com.rooms.history.HistoryStore} (appending in one order
 * per room, pages for members as {@link com.rooms.history.HistoryView} allows,
 * search and export for administrators, clearing) and its JPA implementation
 * over the {@code chat_message} table, and the retention job. Appends go
 * through the group-commit writer of {@code com.rooms.storage}.
 */
package com.rooms.history;
