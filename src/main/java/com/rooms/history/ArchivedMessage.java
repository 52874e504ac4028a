package com.rooms.history;

/** A stored message as administrators see it: with whether a moderator cleared it. */
public record ArchivedMessage(ChatMessage message, boolean cleared) {
}
