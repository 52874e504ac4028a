package com.rooms.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class TicketBookTest {
    private static final Identity ALICE = new Identity("alice", "Alice", false, Instant.parse("2030-01-01T00:00:00Z"));
    private static final Identity BOB = new Identity("bob", "Bob", false, Instant.parse("2030-01-01T00:00:00Z"));
    private final Clock clock = Clock.fixed(Instant.parse("2029-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void aUserPastTheirTicketLimitIsRefusedWithAWaitAndOthersAreNot() {
        TicketBook book = new TicketBook(clock, new Throttle(3, TimeUnit.SECONDS.toNanos(10), 1000));
        for (int i = 0; i < 3; i++) {
            book.issue(ALICE, "r");
        }
        TicketBook.TooMany refused = assertThrows(TicketBook.TooMany.class, () -> book.issue(ALICE, "r"));
        assertTrue(refused.retryAfterSeconds() >= 1);
        assertNotEquals("", book.issue(BOB, "r"));
    }

    @Test
    void aTicketIsSpentOnceAndOnlyInItsRoom() {
        TicketBook book = new TicketBook(clock);
        String ticket = book.issue(ALICE, "r");
        assertEquals("ticket is for another room",
                assertThrows(TokenRejected.class, () -> book.redeem(ticket, "other")).getMessage());
        assertEquals("unknown or used ticket",
                assertThrows(TokenRejected.class, () -> book.redeem(ticket, "r")).getMessage());
        assertEquals(ALICE, book.redeem(book.issue(ALICE, "r"), "r"));
    }

    @Test
    void aTicketIsGoodUntilTheEndOfItsLifetimeAndNotAMillisecondLonger() {
        SettableClock now = new SettableClock(Instant.parse("2029-01-01T00:00:00Z"));
        assertGoodFor(TicketBook.LIFETIME, ALICE, new TicketBook(now), now);
    }

    @Test
    void aTicketExpiresWithTheTokenItWasIssuedForWhenThatEndsFirst() {
        SettableClock now = new SettableClock(Instant.parse("2029-01-01T00:00:00Z"));
        Identity brief = new Identity("brief", "Brief", false, now.instant().plusSeconds(10));
        assertGoodFor(Duration.ofSeconds(10), brief, new TicketBook(now), now);
    }

    /** Two tickets issued now: one redeemed a millisecond before {@code life} is over, the other at its end. */
    private static void assertGoodFor(Duration life, Identity who, TicketBook book, SettableClock now) {
        String onTime = book.issue(who, "r");
        String late = book.issue(who, "r");

        now.advance(life.minusMillis(1));
        assertEquals(who, book.redeem(onTime, "r"));
        now.advance(Duration.ofMillis(1));
        assertEquals("ticket has expired", assertThrows(TokenRejected.class, () -> book.redeem(late, "r")).getMessage());
    }

    @Test
    void anExpiredTicketIsSpentByTheTryThatFoundItExpired() {
        SettableClock now = new SettableClock(Instant.parse("2029-01-01T00:00:00Z"));
        TicketBook book = new TicketBook(now);
        String ticket = book.issue(ALICE, "r");
        now.advance(TicketBook.LIFETIME);
        assertThrows(TokenRejected.class, () -> book.redeem(ticket, "r"));

        now.advance(TicketBook.LIFETIME.negated());
        assertEquals("unknown or used ticket",
                assertThrows(TokenRejected.class, () -> book.redeem(ticket, "r")).getMessage());
    }

    @Test
    void noTicketAndAMadeUpOneAreRefused() {
        TicketBook book = new TicketBook(clock);
        book.issue(ALICE, "r");

        assertEquals("unknown or used ticket", assertThrows(TokenRejected.class, () -> book.redeem(null, "r")).getMessage());
        assertEquals("unknown or used ticket", assertThrows(TokenRejected.class, () -> book.redeem("x", "r")).getMessage());
    }

    @Test
    void ticketsAreUnguessablyDifferent() {
        TicketBook book = new TicketBook(clock);
        String first = book.issue(ALICE, "r");
        String second = book.issue(ALICE, "r");

        assertNotEquals(first, second);
        assertEquals(43, first.length(), "32 random bytes, base64url without padding");
    }

    @Test
    void aFullBookRefusesUntilItsTicketsHaveExpiredThenMakesRoom() {
        SettableClock now = new SettableClock(Instant.parse("2029-01-01T00:00:00Z"));
        TicketBook book = new TicketBook(now);
        for (int i = 0; i < TicketBook.MAX_OUTSTANDING; i++) {
            book.issue(ALICE, "r");
        }
        TicketBook.TooMany full = assertThrows(TicketBook.TooMany.class, () -> book.issue(BOB, "r"));
        assertEquals(1, full.retryAfterSeconds());

        now.advance(TicketBook.LIFETIME);
        String room = book.issue(BOB, "r");
        assertEquals(BOB, book.redeem(room, "r"));
    }

    /** A clock the test moves by hand. */
    private static final class SettableClock extends Clock {
        private Instant now;

        SettableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
