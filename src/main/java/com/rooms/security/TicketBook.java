package com.rooms.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-time tickets for browsers (PROTOCOL.md 1.1), which cannot put a token
 * on a WebSocket handshake: 32 random bytes, bound to one user and one room,
 * usable once within 30 seconds. A ticket presented anywhere is spent, even
 * when it is refused (another room, expired), so it cannot be probed.
 * The connection it opens carries the expiry of the token it was issued for.
 */
public final class TicketBook {
    public static final Duration LIFETIME = Duration.ofSeconds(30);
    static final int MAX_OUTSTANDING = 100_000;

    private record Ticket(Identity identity, String roomId, Instant expiresAt) {
    }

    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Throttle perUser;
    private volatile Instant nextPrune = Instant.MIN;

    /** {@code perUser}: how many tickets one user may be issued per window. */
    public TicketBook(Clock clock, Throttle perUser) {
        this.clock = clock;
        this.perUser = perUser;
    }

    public TicketBook(Clock clock) {
        this(clock, new Throttle(0, 1, 1));
    }

    /** Refused when the user was issued too many tickets lately, or too many are outstanding on this node. */
    public static final class TooMany extends RuntimeException {
        private final long retryAfterSeconds;

        TooMany(String message, long retryAfterSeconds) {
            super(message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /**
     * A new ticket. Expired tickets are forgotten when {@value #MAX_OUTSTANDING}
     * are outstanding, at most once a second, so a full book costs one scan a
     * second rather than one per issue; a book still full after that refuses.
     */
    public String issue(Identity identity, String roomId) {
        Instant now = clock.instant();
        OptionalLong wait = perUser.take(identity.userId(), System.nanoTime());
        if (wait.isPresent()) {
            throw new TooMany("too many tickets for this user", wait.getAsLong());
        }
        if (tickets.size() >= MAX_OUTSTANDING) {
            if (now.isAfter(nextPrune)) {
                nextPrune = now.plusSeconds(1);
                tickets.values().removeIf(t -> !now.isBefore(t.expiresAt()));
            }
            if (tickets.size() >= MAX_OUTSTANDING) {
                throw new TooMany("too many tickets are outstanding on this server", 1);
            }
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = now.plus(LIFETIME);
        if (identity.expiresAt() != null && identity.expiresAt().isBefore(expires)) {
            expires = identity.expiresAt();
        }
        tickets.put(ticket, new Ticket(identity, roomId, expires));
        return ticket;
    }

    /** The identity the ticket was issued to, for this room; the ticket is spent either way. */
    public Identity redeem(String ticket, String roomId) {
        Ticket found = ticket == null ? null : tickets.remove(ticket);
        if (found == null) {
            throw new TokenRejected("unknown or used ticket");
        }
        if (!clock.instant().isBefore(found.expiresAt())) {
            throw new TokenRejected("ticket has expired");
        }
        if (!found.roomId().equals(roomId)) {
            throw new TokenRejected("ticket is for another room");
        }
        return found.identity();
    }
}
