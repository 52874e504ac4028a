package com.rooms.security;

/**
 * A token bucket on a caller-supplied nanosecond clock: holds up to
 * {@code capacity} tokens, starts full and refills steadily; each event takes
 * one. Not thread-safe.
 */
final class TokenBucket {
    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long last;

    private TokenBucket(double capacity, double tokensPerNano, long now) {
        this.capacity = capacity;
        this.tokensPerNano = tokensPerNano;
        this.tokens = capacity;
        this.last = now;
    }

    /** {@code burst} tokens, refilled at {@code perSecond}. */
    static TokenBucket perSecond(int burst, int perSecond, long now) {
        return new TokenBucket(burst, perSecond / 1e9, now);
    }

    /** {@code limit} tokens, refilled at {@code limit} per {@code windowNanos}. */
    static TokenBucket perWindow(int limit, long windowNanos, long now) {
        return new TokenBucket(limit, (double) limit / windowNanos, now);
    }

    boolean tryTake(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Whether the bucket is full again (the events it counted no longer matter). */
    boolean full(long now) {
        refill(now);
        return tokens >= capacity;
    }

    /** Nanoseconds until a token is there; 0 when one is now. */
    long nanosUntilToken(long now) {
        refill(now);
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / tokensPerNano);
    }

    private void refill(long now) {
        if (now > last) {
            tokens = Math.min(capacity, tokens + (now - last) * tokensPerNano);
            last = now;
        }
    }
}
