package com.rooms.security;

import static com.rooms.security.FrameRateGuard.Verdict.ACCEPT;
import static com.rooms.security.FrameRateGuard.Verdict.DISCONNECT;
import static com.rooms.security.FrameRateGuard.Verdict.REFUSE;
import static com.rooms.security.FrameRateGuard.Verdict.REFUSE_AND_TELL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class FrameRateGuardTest {
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;

    @Test
    void burstOfFiftyFramesPassesAndTheFiftyFirstIsRefusedWithOneError() {
        FrameRateGuard guard = new FrameRateGuard(0);
        for (int i = 0; i < 50; i++) {
            assertEquals(ACCEPT, guard.check(false, 0));
        }
        assertEquals(REFUSE_AND_TELL, guard.check(false, 0));
        assertEquals(REFUSE, guard.check(false, 1));
    }

    @Test
    void framesRefillAtTwentyPerSecond() {
        FrameRateGuard guard = new FrameRateGuard(0);
        for (int i = 0; i < 50; i++) {
            guard.check(false, 0);
        }
        assertEquals(REFUSE_AND_TELL, guard.check(false, 0));
        assertEquals(ACCEPT, guard.check(false, 50 * MS));
        assertEquals(REFUSE, guard.check(false, 50 * MS));
    }

    @Test
    void textHasItsOwnBucketOfTenAtFivePerSecond() {
        FrameRateGuard guard = new FrameRateGuard(0);
        for (int i = 0; i < 10; i++) {
            assertEquals(ACCEPT, guard.check(true, 0));
        }
        assertEquals(REFUSE_AND_TELL, guard.check(true, 0));
        assertEquals(ACCEPT, guard.check(false, 0), "other frames still pass");
        assertEquals(ACCEPT, guard.check(true, 200 * MS));
    }

    @Test
    void atMostOneRateLimitedErrorPerSecond() {
        FrameRateGuard guard = new FrameRateGuard(0);
        for (int i = 0; i < 50; i++) {
            guard.check(false, 0);
        }
        assertEquals(REFUSE_AND_TELL, guard.check(false, 0));
        int told = 0;
        for (long t = MS; t < SECOND; t += MS) {
            if (guard.check(false, t) == REFUSE_AND_TELL) {
                told++;
            }
        }
        assertEquals(0, told, "no second error within the same second");
        FrameRateGuard.Verdict next;
        do {
            next = guard.check(false, SECOND);
        } while (next == ACCEPT);
        assertEquals(REFUSE_AND_TELL, next, "told again once a second has passed");
    }

    @Test
    void refusalsInTenConsecutiveSecondsDisconnect() {
        FrameRateGuard guard = new FrameRateGuard(0);
        FrameRateGuard.Verdict last = ACCEPT;
        for (long second = 0; second < 10; second++) {
            for (int i = 0; i < 60; i++) {
                last = guard.check(false, second * SECOND + i * MS);
            }
            if (second < 9) {
                assertNotEquals(DISCONNECT, last, "second " + second);
            }
        }
        assertEquals(DISCONNECT, last);
    }

    @Test
    void aQuietSecondResetsTheCount() {
        FrameRateGuard guard = new FrameRateGuard(0);
        for (long second = 0; second < 18; second++) {
            if (second == 8) {
                continue;
            }
            for (int i = 0; i < 60; i++) {
                assertNotEquals(DISCONNECT, guard.check(false, second * SECOND + i * MS), "second " + second);
            }
        }
        FrameRateGuard.Verdict last = ACCEPT;
        for (int i = 0; i < 60; i++) {
            last = guard.check(false, 18 * SECOND + i * MS);
        }
        assertEquals(DISCONNECT, last, "seconds 9 to 18 are ten in a row");
    }
}
