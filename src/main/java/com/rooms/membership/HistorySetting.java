package com.rooms.membership;

/** What a room shows a member of its past (PROTOCOL.md 1.2). */
public enum HistorySetting {
    /** Everything stored. */
    SHARED,
    /** Only what was said after the user first became a member. */
    SINCE_JOIN,
    /** Nothing said before the current connection opened. */
    NONE
}
