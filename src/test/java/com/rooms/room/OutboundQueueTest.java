package com.rooms.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.rooms.protocol.CloseCode;

class OutboundQueueTest {
    private final RecordingConnection connection = new RecordingConnection();
    private final List<Runnable> timers = new ArrayList<>();
    private final List<Long> delays = new ArrayList<>();
    private final List<String> cut = new ArrayList<>();
    private final List<String> metrics = new ArrayList<>();
    /** Records the metrics calls by name ({@code written} with the frame's text). */
    private final RoomMetrics observer = (RoomMetrics) Proxy.newProxyInstance(RoomMetrics.class.getClassLoader(),
            new Class<?>[] {RoomMetrics.class}, (proxy, method, args) -> {
                boolean written = args != null && args[0] instanceof Outbound;
                metrics.add(written ? method.getName() + " " + ((Outbound) args[0]).text() : method.getName());
                return null;
            });
    private final OutboundQueue queue = new OutboundQueue(connection, Runnable::run, (task, ms) -> {
        timers.add(task);
        delays.add(ms);
    }, observer, () -> cut.add("cut"));

    private static Outbound frame(String text) {
        return Outbound.of(text, "text", 0);
    }

    @Test
    void aDeferrableFrameAloneWaitsItsTimeThenIsWritten() {
        queue.offer(frame("left-1").deferred());

        assertEquals(List.of(), connection.written);
        assertEquals(List.of(OutboundQueue.DEFER_MILLIS), delays);
        timers.get(0).run();
        assertEquals(List.of("left-1"), connection.written);
    }

    @Test
    void aFrameQueuedBehindDeferrableOnesTakesThemAlongInOrderWithoutWaiting() {
        queue.offer(frame("left-1").deferred());
        queue.offer(frame("left-2").deferred());
        queue.offer(frame("text-3"));

        assertEquals(List.of("left-1", "left-2", "text-3"), connection.written);
        assertEquals(1, timers.size(), "one timer for the waiting frames");
        timers.get(0).run();
        assertEquals(List.of("left-1", "left-2", "text-3"), connection.written, "nothing written twice");
    }

    @Test
    void deferrableFramesOfAConnectionThatEndedMeanwhileAreNeverWritten() {
        queue.offer(frame("left-1").deferred());
        queue.terminate();
        timers.get(0).run();

        assertEquals(List.of(), connection.written);
    }

    @Test
    void aCloseTakesTheWaitingFramesAlongBeforeItCloses() {
        queue.offer(frame("left-1").deferred());
        queue.closeAfter(frame("bye"), CloseCode.GOING_AWAY, "bye");

        assertEquals(List.of("left-1", "bye"), connection.written);
        assertEquals(CloseCode.GOING_AWAY, connection.closedWith);
    }

    @Test
    void afterTheWaitTheNextDeferrableFrameWaitsAgain() {
        queue.offer(frame("left-1").deferred());
        timers.get(0).run();
        queue.offer(frame("left-2").deferred());

        assertEquals(List.of("left-1"), connection.written);
        assertEquals(2, timers.size());
        timers.get(1).run();
        assertEquals(List.of("left-1", "left-2"), connection.written);
    }

    @Test
    void aCloseWaitsForTheWriteInFlightToEnd() {
        List<CloseCode> closes = new ArrayList<>();
        connection.whenClosed = () -> closes.add(connection.closedWith);
        connection.stalled = true;
        queue.offer(frame("text-1"));
        queue.offer(frame("text-2"));
        assertTrue(queue.closeNow(CloseCode.TOO_BIG, "too big"));
        assertFalse(queue.closeNow(CloseCode.TOO_SLOW, "again"), "one close only");

        assertNull(connection.closedWith, "not closed while a write is in flight");
        connection.unfinished.accept(null);
        assertEquals(List.of(CloseCode.TOO_BIG), closes);
        assertEquals(List.of("text-1"), connection.written, "what was queued is dropped");
        timers.get(0).run();
        assertEquals(List.of(CloseCode.TOO_BIG), closes, "the backstop finds the close already started");
    }

    @Test
    void aCloseBehindAWriteThatNeverEndsStartsAfterItsWait() {
        connection.stalled = true;
        queue.offer(frame("text-1"));
        queue.closeNow(CloseCode.TOO_BIG, "too big");

        assertEquals(List.of(OutboundQueue.CLOSE_WAIT_MILLIS), delays);
        timers.get(0).run();
        assertEquals(CloseCode.TOO_BIG, connection.closedWith);
    }

    @Test
    void aCloseWithNoWriteInFlightStartsAtOnce() {
        queue.offer(frame("text-1"));
        queue.closeNow(CloseCode.BINARY_FRAME, "binary");

        assertEquals(CloseCode.BINARY_FRAME, connection.closedWith);
    }

    @Test
    void aWriteThatFailsCutsTheClientOffAndClosesTheConnection() {
        connection.stalled = true;
        queue.offer(frame("text-1"));
        queue.offer(frame("text-2"));
        connection.unfinished.accept(new SocketTimeoutException("send timed out"));

        assertEquals(List.of("cut"), cut, "the client leaves its room");
        assertEquals(CloseCode.TOO_SLOW, connection.closedWith);
        assertEquals(List.of("text-1"), connection.written, "nothing more is written");
        assertFalse(queue.offer(frame("text-3")));
    }

    @Test
    void aFailedWriteAfterTheConnectionEndedClosesNothing() {
        connection.stalled = true;
        queue.offer(frame("text-1"));
        queue.terminate();
        connection.unfinished.accept(new IOException("reset"));

        assertEquals(List.of(), cut);
        assertNull(connection.closedWith);
    }

    @Test
    void framesAreWrittenInOrderWithOneWriteInFlight() {
        connection.stalled = true;
        queue.offer(frame("text-1"));
        queue.offer(frame("text-2"));
        queue.offer(frame("text-3"));

        assertEquals(List.of("text-1"), connection.written, "the next write waits for the one in flight");
        connection.unfinished.accept(null);
        assertEquals(List.of("text-1", "text-2"), connection.written);
        connection.unfinished.accept(null);
        assertEquals(List.of("text-1", "text-2", "text-3"), connection.written);
        connection.unfinished.accept(null);
        assertEquals(List.of("written text-1", "written text-2", "written text-3"), metrics);
    }

    @Test
    void aClientThatFallsMoreThanMaxFramesBehindIsCutOffTooSlow() {
        connection.stalled = true;
        for (int i = 1; i <= OutboundQueue.MAX_FRAMES; i++) {
            assertTrue(queue.offer(frame("text-" + i)), "frame " + i + " fits");
        }
        assertFalse(queue.offer(frame("one-too-many")));

        assertEquals(List.of("cut"), cut, "the client leaves its room");
        assertEquals(List.of("slowClientCut"), metrics);
        assertNull(connection.closedWith, "the close waits for the write in flight");
        connection.unfinished.accept(null);
        assertEquals(CloseCode.TOO_SLOW, connection.closedWith);
        assertEquals(List.of("text-1"), connection.written, "what was queued is dropped, not written");
    }

    @Test
    void aClientThatFallsMoreThanMaxBytesBehindIsCutOffTooSlow() {
        connection.stalled = true;
        String half = "x".repeat((int) (OutboundQueue.MAX_BYTES / 2));
        assertTrue(queue.offer(frame(half)));
        assertTrue(queue.offer(frame(half)));
        assertFalse(queue.offer(frame("x")), "one byte over the limit");

        assertEquals(List.of("cut"), cut);
        connection.unfinished.accept(null);
        assertEquals(CloseCode.TOO_SLOW, connection.closedWith);
    }

    @Test
    void writtenFramesNoLongerCountAgainstTheLimit() {
        connection.stalled = true;
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < OutboundQueue.MAX_FRAMES; i++) {
                assertTrue(queue.offer(frame("text")), "round " + round + ", frame " + i);
            }
            for (int i = 0; i < OutboundQueue.MAX_FRAMES; i++) {
                connection.unfinished.accept(null);
            }
        }
        assertEquals(List.of(), cut);
        assertEquals(3 * OutboundQueue.MAX_FRAMES, connection.written.size());
    }

    @Test
    void aPingReleasesTheDeferrableFramesWaitingBeforeIt() {
        queue.offer(frame("left-1").deferred());
        queue.offerPing();

        assertEquals(List.of("left-1"), connection.written);
    }

    @Test
    void aDeferrableFrameQueuedBehindAWriteStartsItsWaitWhenThatWriteEnds() {
        connection.stalled = true;
        queue.offer(frame("text-1"));
        queue.offer(frame("left-2").deferred());
        assertEquals(List.of(), timers);

        connection.unfinished.accept(null);
        assertEquals(List.of("text-1"), connection.written);
        assertEquals(List.of(OutboundQueue.DEFER_MILLIS), delays);
        timers.get(0).run();
        assertEquals(List.of("text-1", "left-2"), connection.written);
    }

    @Test
    void aCloseAfterTheLastFrameWaitsForEveryWriteAndAcceptsNothingMore() {
        connection.stalled = true;
        queue.offer(frame("text-1"));
        assertTrue(queue.closeAfter(frame("bye"), CloseCode.GOING_AWAY, "bye"));

        assertFalse(queue.isOpen());
        assertFalse(queue.offer(frame("text-2")), "nothing is queued behind the close");
        assertFalse(queue.closeAfter(null, CloseCode.POLICY, "again"), "one close only");
        connection.unfinished.accept(null);
        assertEquals(List.of("text-1", "bye"), connection.written);
        assertNull(connection.closedWith, "not closed while bye is being written");
        connection.unfinished.accept(null);
        assertEquals(CloseCode.GOING_AWAY, connection.closedWith);
    }
}
