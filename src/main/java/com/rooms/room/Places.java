package com.rooms.room;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The resume tokens of this node's places (PROTOCOL.md 3.3): each
 * {@code welcome} gets a fresh single-use token that voids the place's
 * previous one. Counts the places kept without a connection, and tells
 * {@code ended} when a place is over for good (its connection caps are then
 * released).
 */
final class Places {
    /** Resume off: welcomes carry no token and no place is kept. */
    static final Places OFF = new Places(0, client -> { });

    private static final SecureRandom RANDOM = new SecureRandom();

    private final int windowSeconds;
    private final Consumer<ChatClient> ended;
    private final Map<String, ChatClient> byToken = new ConcurrentHashMap<>();
    private final AtomicInteger kept = new AtomicInteger();

    /** {@code windowSeconds}: how long a place is kept; 0 turns resume off. */
    Places(int windowSeconds, Consumer<ChatClient> ended) {
        this.windowSeconds = windowSeconds;
        this.ended = ended;
    }

    boolean on() {
        return windowSeconds > 0;
    }

    int windowSeconds() {
        return windowSeconds;
    }

    /** A fresh token for the place, replacing {@code previous} (may be null); null when resume is off. */
    String issue(ChatClient client, String previous) {
        if (previous != null) {
            byToken.remove(previous, client);
        }
        if (!on()) {
            return null;
        }
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byToken.put(token, client);
        return token;
    }

    /**
     * The place the token stands for, if it is one of this user's in this
     * room; the token is used up then (and only then: another user's
     * attempt leaves it valid for its owner).
     */
    ChatClient take(String token, String userId, String roomId) {
        ChatClient place = token == null ? null : byToken.get(token);
        if (place == null || !place.userId().equals(userId) || place.room() == null
                || !place.room().id().equals(roomId)) {
            return null;
        }
        return byToken.remove(token, place) ? place : null;
    }

    /** The place is over: its token is void. {@code wasKept}: it had no connection then. */
    void ended(ChatClient client, String token, boolean wasKept) {
        if (token != null) {
            byToken.remove(token, client);
        }
        if (wasKept) {
            kept.decrementAndGet();
        }
        ended.accept(client);
    }

    void keptWithoutConnection() {
        kept.incrementAndGet();
    }

    void reattached() {
        kept.decrementAndGet();
    }

    /** Places kept now without a connection. */
    int kept() {
        return kept.get();
    }

    /** Live tokens (one per place, at most). */
    int tokens() {
        return byToken.size();
    }
}
