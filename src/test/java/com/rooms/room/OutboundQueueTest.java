package com.rooms.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
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
    private final OutboundQueue queue = new OutboundQueue(connection, Runnable::run, (task, ms) -> {
        timers.add(task);
        delays.add(ms);
    }, RoomMetrics.NONE, () -> cut.add("cut"));

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
        connection.stalled = true;
        queue.offer(frame("text-1"));
        queue.closeNow(CloseCode.TOO_BIG, "too big");

        assertNull(connection.closedWith, "not closed while a write is in flight");
        connection.unfinished.accept(null);
        assertEquals(CloseCode.TOO_BIG, connection.closedWith);
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
}
