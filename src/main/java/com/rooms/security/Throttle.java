package com.rooms.security;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} events per {@code window} for each key (a user, an
 * address), as a token bucket that refills steadily. Keys whose bucket is
 * full again are forgotten once the map grows past {@code maxKeys}, so a
 * flood from many keys cannot grow it without bound.
 */
public final class Throttle {
    private final int limit;
    private final long windowNanos;
    private final int maxKeys;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public Throttle(int limit, long windowNanos, int maxKeys) {
        this.limit = limit;
        this.windowNanos = windowNanos;
        this.maxKeys = maxKeys;
    }

    /** Empty when the event may happen (and is counted); otherwise the seconds until it may. Limit 0: always allowed. */
    public OptionalLong take(String key, long now) {
        if (limit == 0) {
            return OptionalLong.empty();
        }
        if (buckets.size() > maxKeys) {
            buckets.values().removeIf(b -> b.full(now));
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(now));
        return bucket.take(now);
    }

    private final class Bucket {
        private double tokens = limit;
        private long last;

        Bucket(long now) {
            this.last = now;
        }

        synchronized OptionalLong take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return OptionalLong.empty();
            }
            double nanosPerToken = (double) windowNanos / limit;
            long wait = (long) Math.ceil((1 - tokens) * nanosPerToken / 1e9);
            return OptionalLong.of(Math.max(1, wait));
        }

        synchronized boolean full(long now) {
            refill(now);
            return tokens >= limit;
        }

        private void refill(long now) {
            if (now > last) {
                tokens = Math.min(limit, tokens + (now - last) * (double) limit / windowNanos);
                last = now;
            }
        }
    }
}
