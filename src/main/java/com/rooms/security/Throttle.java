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

    /** One key's bucket; several threads may count events of the same key. */
    private final class Bucket {
        private final TokenBucket tokens;

        Bucket(long now) {
            this.tokens = TokenBucket.perWindow(limit, windowNanos, now);
        }

        synchronized OptionalLong take(long now) {
            if (tokens.tryTake(now)) {
                return OptionalLong.empty();
            }
            long waitNanos = tokens.nanosUntilToken(now);
            return OptionalLong.of(Math.max(1, (long) Math.ceil(waitNanos / 1e9)));
        }

        synchronized boolean full(long now) {
            return tokens.full(now);
        }
    }
}
