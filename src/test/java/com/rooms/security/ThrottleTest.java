package com.rooms.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ThrottleTest {
    private static final long WINDOW = TimeUnit.SECONDS.toNanos(10);
    private static final long T0 = 1_000_000_000_000L;

    @Test
    void aKeyMayTakeItsLimitAtOnceThenIsToldTheSecondsUntilItsNextToken() {
        Throttle throttle = new Throttle(3, WINDOW, 1000);
        for (int i = 0; i < 3; i++) {
            assertTrue(throttle.take("alice", T0).isEmpty(), "event " + (i + 1) + " of 3");
        }
        // one token every 10 s / 3 = 3.33 s, rounded up
        assertEquals(OptionalLong.of(4), throttle.take("alice", T0));
    }

    @Test
    void tokensComeBackSteadilyOneAtATimeNotAllAtTheEndOfTheWindow() {
        Throttle throttle = new Throttle(2, WINDOW, 1000);
        throttle.take("alice", T0);
        throttle.take("alice", T0);

        long halfWindow = WINDOW / 2;
        assertTrue(throttle.take("alice", T0 + halfWindow).isEmpty(), "one token back after half the window");
        assertTrue(throttle.take("alice", T0 + halfWindow).isPresent(), "but only one");
        assertTrue(throttle.take("alice", T0 + WINDOW).isEmpty());
    }

    @Test
    void aBucketNeverHoldsMoreThanTheLimitHoweverLongItWasIdle() {
        Throttle throttle = new Throttle(2, WINDOW, 1000);
        throttle.take("alice", T0);
        long muchLater = T0 + 100 * WINDOW;
        assertTrue(throttle.take("alice", muchLater).isEmpty());
        assertTrue(throttle.take("alice", muchLater).isEmpty());
        assertTrue(throttle.take("alice", muchLater).isPresent());
    }

    @Test
    void oneKeyUsingItsLimitLeavesTheOthersAlone() {
        Throttle throttle = new Throttle(1, WINDOW, 1000);
        throttle.take("alice", T0);

        assertTrue(throttle.take("alice", T0).isPresent());
        assertTrue(throttle.take("bob", T0).isEmpty());
    }

    @Test
    void theWaitIsAtLeastOneSecondEvenWhenTheNextTokenIsNearer() {
        Throttle throttle = new Throttle(1000, TimeUnit.SECONDS.toNanos(1), 1000);
        for (int i = 0; i < 1000; i++) {
            throttle.take("alice", T0);
        }
        assertEquals(OptionalLong.of(1), throttle.take("alice", T0));
    }

    @Test
    void limitZeroMeansNoLimit() {
        Throttle throttle = new Throttle(0, WINDOW, 1);
        for (int i = 0; i < 10_000; i++) {
            assertTrue(throttle.take("alice", T0).isEmpty());
        }
    }

    @Test
    void aFloodOfNewKeysDoesNotMakeAThrottledKeyForgetItsDebt() {
        Throttle throttle = new Throttle(1, WINDOW, 10);
        throttle.take("alice", T0);
        for (int i = 0; i < 100; i++) {
            throttle.take("address-" + i, T0 + i);
        }
        assertTrue(throttle.take("alice", T0 + 100).isPresent(),
                "past maxKeys only buckets that are full again are forgotten");
    }

    @Test
    void aClockThatStepsBackAddsNoTokens() {
        Throttle throttle = new Throttle(1, WINDOW, 1000);
        throttle.take("alice", T0);
        assertTrue(throttle.take("alice", T0 - WINDOW).isPresent());
        assertTrue(throttle.take("alice", T0).isPresent(), "the step back did not move the bucket's time either");
    }
}
