package com.rooms.membership;

/** A change to a room's settings; a null field stays as it is. */
public record RoomChange(String name, Visibility visibility, HistorySetting history) {
}
