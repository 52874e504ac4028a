package com.rooms.history;

/**
 * How long chat is kept.
 *
 * @param days         messages older than this many days are deleted; 0 keeps them for ever
 * @param checkMinutes how often the retention job looks for them
 */
public record RetentionSettings(int days, int checkMinutes) {
    public boolean on() {
        return days > 0;
    }
}
