package com.rooms.room;

import java.util.function.Supplier;

import com.rooms.protocol.ErrorCode;
import com.rooms.protocol.FrameRejected;

/**
 * The one rule for a store that cannot serve a request: the client gets
 * {@code unavailable} with what could not be done, the connection and the
 * room go on.
 */
final class Storage {
    static final String HISTORY_UNREADABLE = "chat storage is unavailable; history could not be read";
    static final String MEMBERS_UNREADABLE = "the room's members cannot be read now; try again";

    private Storage() {
    }

    /** The read's result; {@code unavailable} with {@code whenDown} when the store failed. */
    static <T> T read(Supplier<T> read, String whenDown) {
        try {
            return read.get();
        } catch (RuntimeException storageDown) {
            throw down(whenDown, null);
        }
    }

    /** The refusal for a request the store could not serve. */
    static FrameRejected down(String whatFailed, String ref) {
        return new FrameRejected(ErrorCode.UNAVAILABLE, whatFailed, ref);
    }
}
