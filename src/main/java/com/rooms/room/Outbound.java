package com.rooms.room;

import com.rooms.protocol.Utf8;

/**
 * One encoded frame on its way to one or more clients. A broadcast is encoded
 * once and this same object queued to each recipient.
 *
 * @param type     the frame's wire type (for metrics)
 * @param bytes    its UTF-8 size (for the queue limit)
 * @param bornNanos when the frame that caused it arrived (for the relay latency)
 */
public record Outbound(String text, String type, int bytes, long bornNanos) {

    public static Outbound of(String text, String type, long bornNanos) {
        return new Outbound(text, type, Utf8.length(text), bornNanos);
    }
}
