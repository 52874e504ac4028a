package com.rooms.security;

/** A token bucket on a caller-supplied nanosecond clock; not thread-safe. */
final class TokenBucket {
    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long last;

    TokenBucket(int burst, int perSecond, long now) {
        this.capacity = burst;
        this.tokensPerNano = perSecond / 1e9;
        this.tokens = burst;
        this.last = now;
    }

    boolean tryTake(long now) {
        if (now > last) {
            tokens = Math.min(capacity, tokens + (now - last) * tokensPerNano);
            last = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
