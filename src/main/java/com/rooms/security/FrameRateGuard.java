package com.rooms.security;

/**
 * The per-connection frame rates of PROTOCOL.md section 4: every frame draws
 * on a bucket of 50 (refilled 20 per second), a {@code text} also on a bucket
 * of 10 (5 per second). A refused frame is answered {@code rate-limited} at
 * most once a second; a connection with refusals in each of 10 consecutive
 * seconds is cut.
 */
public final class FrameRateGuard {
    public static final int FRAME_BURST = 50;
    public static final int FRAMES_PER_SECOND = 20;
    public static final int TEXT_BURST = 10;
    public static final int TEXTS_PER_SECOND = 5;
    public static final int SECONDS_BEFORE_DISCONNECT = 10;
    private static final long SECOND = 1_000_000_000L;

    public enum Verdict {
        ACCEPT,
        /** Refused; the sender was already told within the last second. */
        REFUSE,
        /** Refused; answer {@code rate-limited}. */
        REFUSE_AND_TELL,
        /** Refused for too long: close the connection (1008). */
        DISCONNECT
    }

    private final long origin;
    private final TokenBucket frames;
    private final TokenBucket texts;
    private long lastToldAt = Long.MIN_VALUE;
    private long lastRefusedSecond = Long.MIN_VALUE;
    private int refusedSecondsInARow;

    public FrameRateGuard(long now) {
        this.origin = now;
        this.frames = TokenBucket.perSecond(FRAME_BURST, FRAMES_PER_SECOND, now);
        this.texts = TokenBucket.perSecond(TEXT_BURST, TEXTS_PER_SECOND, now);
    }

    public synchronized Verdict check(boolean isText, long now) {
        if (frames.tryTake(now) && (!isText || texts.tryTake(now))) {
            return Verdict.ACCEPT;
        }
        long second = (now - origin) / SECOND;
        if (second != lastRefusedSecond) {
            refusedSecondsInARow = second == lastRefusedSecond + 1 ? refusedSecondsInARow + 1 : 1;
            lastRefusedSecond = second;
        }
        if (refusedSecondsInARow >= SECONDS_BEFORE_DISCONNECT) {
            return Verdict.DISCONNECT;
        }
        if (lastToldAt == Long.MIN_VALUE || now - lastToldAt >= SECOND) {
            lastToldAt = now;
            return Verdict.REFUSE_AND_TELL;
        }
        return Verdict.REFUSE;
    }
}
