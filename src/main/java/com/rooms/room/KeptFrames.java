package com.rooms.room;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames a place sent most recently, each with its {@code seq}
 * (PROTOCOL.md 3.3), so a client that lost its connection can take its
 * place back and read what it missed. Bounded like the outgoing queue
 * ({@link OutboundQueue#MAX_BYTES}, {@link OutboundQueue#MAX_FRAMES}): the
 * oldest give way. Frames the client has certainly read (written before a
 * ping whose pong came back) are dropped early, so a healthy connection
 * keeps only what it was sent since its last keep-alive round trip.
 *
 * <p>While the place has no connection ({@link #detach}), frames that were
 * never handed to a connection cannot give way: when they alone would pass
 * the limit, {@link #keep} answers false and the place ends.
 *
 * <p>Not thread-safe: its client calls it under its own lock.
 */
final class KeptFrames {
    private final long maxBytes;
    private final int maxFrames;
    private final ArrayDeque<Numbered> frames = new ArrayDeque<>();
    private long bytes;
    private long lastSeq;
    /** While detached: the newest seq handed to the old connection; 0 while attached. */
    private long handedBeforeDetach;
    private boolean detached;

    KeptFrames() {
        this(OutboundQueue.MAX_BYTES, OutboundQueue.MAX_FRAMES);
    }

    KeptFrames(long maxBytes, int maxFrames) {
        this.maxBytes = maxBytes;
        this.maxFrames = maxFrames;
    }

    /** A frame with the {@code seq} it was sent with. */
    record Numbered(long seq, Outbound frame) {
    }

    /**
     * Numbers the frame and keeps it; null when the place is detached and
     * the frames its client never got would pass the limit.
     */
    Numbered keep(Outbound frame) {
        Numbered numbered = new Numbered(lastSeq + 1, frame);
        if (maxFrames == 0) {
            lastSeq = numbered.seq();
            return numbered;
        }
        while (!frames.isEmpty() && (bytes + frame.bytes() > maxBytes || frames.size() + 1 > maxFrames)) {
            if (detached && frames.peekFirst().seq() > handedBeforeDetach) {
                return null;
            }
            bytes -= frames.pollFirst().frame().bytes();
        }
        if (detached && frame.bytes() > maxBytes) {
            return null;
        }
        lastSeq = numbered.seq();
        frames.addLast(numbered);
        bytes += frame.bytes();
        return numbered;
    }

    /** The client certainly read every frame up to {@code seq}: they need not be kept. */
    void readThrough(long seq) {
        while (!frames.isEmpty() && frames.peekFirst().seq() <= seq) {
            bytes -= frames.pollFirst().frame().bytes();
        }
    }

    /** The connection is gone; frames after {@code handed} never reached it. */
    void detach(long handed) {
        detached = true;
        handedBeforeDetach = handed;
    }

    void attach() {
        detached = false;
        handedBeforeDetach = 0;
    }

    long lastSeq() {
        return lastSeq;
    }

    /**
     * Whether a client that read up to {@code seq} can be given everything
     * after it: nothing it missed has given way, and it read nothing that
     * was not sent.
     */
    boolean covers(long seq) {
        if (seq < 0 || seq > lastSeq) {
            return false;
        }
        long oldest = frames.isEmpty() ? lastSeq + 1 : frames.peekFirst().seq();
        return seq + 1 >= oldest;
    }

    /** The kept frames after {@code seq}, oldest first. */
    List<Numbered> after(long seq) {
        List<Numbered> missed = new ArrayList<>();
        for (Numbered each : frames) {
            if (each.seq() > seq) {
                missed.add(each);
            }
        }
        return missed;
    }

    int size() {
        return frames.size();
    }

    long bytes() {
        return bytes;
    }
}
