package com.rooms.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
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
}
