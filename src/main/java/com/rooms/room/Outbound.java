package com.rooms.room;

import com.rooms.protocol.Utf8;

/**
 * One encoded frame on its way to one or more clients. A broadcast is encoded
 * once and this same object queued to each recipient.
 *
 * @param type      the frame's wire type (for metrics)
 * @param bytes     its UTF-8 size (for the queue limit)
 * @param bornNanos when the frame that caused it arrived (for the relay latency)
 * @param deferrable whether the frame may wait in the recipient's queue for
 *                  {@link OutboundQueue#DEFER_MILLIS} when nothing else is to
 *                  be written (see {@link OutboundQueue})
 */
public record Outbound(String text, String type, int bytes, long bornNanos, boolean deferrable) {

    public static Outbound of(String text, String type, long bornNanos) {
        return new Outbound(text, type, Utf8.length(text), bornNanos, false);
    }

    /** The same frame, allowed to wait for company in each recipient's queue. */
    public Outbound deferred() {
        return new Outbound(text, type, bytes, bornNanos, true);
    }
}
