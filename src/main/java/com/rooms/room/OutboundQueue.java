package com.rooms.room;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.rooms.protocol.CloseCode;

/**
 * A client's outgoing frames: bounded (PROTOCOL.md 5: over 1 MiB or 1,000
 * frames the client is cut off with 1013), one write in flight, the next
 * started when the previous one completes. Nothing here blocks or holds a
 * lock while writing: a slow client fills only its own queue.
 *
 * <p>Any thread may offer; whichever thread finds the queue idle drains it
 * (a work-in-progress counter elects one drainer, so a write that completes
 * on the calling thread does not recurse).
 *
 * <p>A {@linkplain Outbound#deferrable() deferrable} frame ({@code left})
 * does not start a write by itself: it waits until another frame is queued
 * behind it (and is then written first, so the order never changes) or for
 * {@link #DEFER_MILLIS}. When many clients close at once, most of the
 * {@code left} frames meant for each other are then never written, because
 * their recipients' connections end first. That matters on Open Liberty:
 * the thread that reads a client's close frame waits
 * ({@code WsocConnLink.waitToClose}) until that connection's write in
 * flight has completed, and the completion runs on the same executor, so a
 * close storm with writes in flight parks one executor thread per closing
 * connection and the executor grows by thousands of threads.
 *
 * <p>A close is started only when no write is in flight: Open Liberty's
 * close frame would otherwise wait up to 5 s for that write
 * ({@code WsocConnLink.okToWrite}), holding an executor thread, and then be
 * written over it regardless. A write that fails (the transport's send
 * timeout, a reset) ends the client: it leaves its room ({@code too-slow})
 * and the connection is closed 1013.
 */
final class OutboundQueue {
    static final long MAX_BYTES = 1024 * 1024;
    static final int MAX_FRAMES = 1000;
    /** The longest a deferrable frame waits for company before it is written alone. */
    static final long DEFER_MILLIS = 250;
    /**
     * The longest a close waits for the write in flight; the transport's send
     * timeout (15 s) ends such a write first, this is only a backstop.
     */
    static final long CLOSE_WAIT_MILLIS = 20_000;

    private record Close(CloseCode code, String reason) {
    }

    /** A frame and the {@code seq} written into it (0: none). */
    private record Item(Outbound frame, long seq) {
    }

    private static final Object PING = new Object();

    private final Connection connection;
    private final Executor closer;
    private final RoomMetrics observer;
    private final Runnable onOverflow;
    private final Later later;
    private final Queue<Object> items = new ConcurrentLinkedQueue<>();
    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicLong pendingBytes = new AtomicLong();
    private final AtomicInteger pendingFrames = new AtomicInteger();
    private final AtomicInteger state = new AtomicInteger(OPEN);
    private volatile boolean inFlight;
    /** Queued items that must not wait: every frame but a deferrable one, pings and the close. */
    private final AtomicInteger urgent = new AtomicInteger();
    /** A deferrable frame has waited its time: write what is queued. */
    private volatile boolean due;
    private final AtomicBoolean timerSet = new AtomicBoolean();
    /** A close waiting for the write in flight to end; taken by whichever side finds it first. */
    private final AtomicReference<Close> pendingClose = new AtomicReference<>();
    /** The seq of the newest frame handed to the connection. */
    private volatile long handed;
    /** The newest seq handed before the oldest ping still unanswered; -1 when none is. */
    private volatile long pingMark = -1;

    private static final int OPEN = 0;
    /** A close is queued behind the remaining frames; nothing more is accepted. */
    private static final int CLOSING = 1;
    /** The connection is being closed; nothing more is written. */
    private static final int CLOSED = 2;

    OutboundQueue(Connection connection, Executor closer, Later later, RoomMetrics observer, Runnable onOverflow) {
        this.connection = connection;
        this.closer = closer;
        this.later = later;
        this.observer = observer;
        this.onOverflow = onOverflow;
    }

    /** Queues a frame; false when the queue is closing or the frame overflowed it (the client is then cut off). */
    boolean offer(Outbound frame) {
        return offer(frame, 0, true);
    }

    /**
     * Queues a frame that is written with {@code "seq": seq}; {@code limited}
     * false only for the frames a resumed place is primed with, which were
     * within the limit when they were kept.
     */
    boolean offer(Outbound frame, long seq, boolean limited) {
        if (state.get() != OPEN) {
            return false;
        }
        long bytes = pendingBytes.addAndGet(frame.bytes());
        int frames = pendingFrames.incrementAndGet();
        if (limited && (bytes > MAX_BYTES || frames > MAX_FRAMES)) {
            pendingBytes.addAndGet(-frame.bytes());
            pendingFrames.decrementAndGet();
            closeNow(Disconnect.TOO_SLOW.code(), Disconnect.TOO_SLOW.phrase(), () -> {
                observer.slowClientCut();
                onOverflow.run();
            });
            return false;
        }
        if (!frame.deferrable()) {
            urgent.incrementAndGet();
        }
        items.add(new Item(frame, seq));
        drain();
        return true;
    }

    void offerPing() {
        if (state.get() == OPEN) {
            urgent.incrementAndGet();
            items.add(PING);
            drain();
        }
    }

    /** Writes what is queued, then closes. False when the queue was already closing. */
    boolean closeAfter(Outbound last, CloseCode code, String reason) {
        return closeAfter(last, 0, code, reason);
    }

    /** As {@link #closeAfter(Outbound, CloseCode, String)}, {@code last} written with {@code "seq": seq} (0: none). */
    boolean closeAfter(Outbound last, long seq, CloseCode code, String reason) {
        if (!state.compareAndSet(OPEN, CLOSING)) {
            return false;
        }
        if (last != null) {
            pendingFrames.incrementAndGet();
            pendingBytes.addAndGet(last.bytes());
            urgent.incrementAndGet();
            items.add(new Item(last, seq));
        }
        urgent.incrementAndGet();
        items.add(new Close(code, reason));
        drain();
        return true;
    }

    /** Closes at once, dropping whatever is queued. False when it was already closed. */
    boolean closeNow(CloseCode code, String reason) {
        return closeNow(code, reason, () -> { });
    }

    /**
     * Closes at once; {@code first} runs before the close is started, so
     * whatever it records (the room's {@code left} reason) cannot be
     * overtaken by the transport reporting the close.
     */
    private boolean closeNow(CloseCode code, String reason, Runnable first) {
        if (state.getAndSet(CLOSED) == CLOSED) {
            return false;
        }
        items.clear();
        closer.execute(() -> {
            first.run();
            closeAfterWriteInFlight(code, reason);
        });
        return true;
    }

    /** Closes the connection once the write in flight, if any, has ended (or after {@link #CLOSE_WAIT_MILLIS}). */
    private void closeAfterWriteInFlight(CloseCode code, String reason) {
        pendingClose.set(new Close(code, reason));
        if (!inFlight) {
            startPendingClose();
        } else {
            later.run(this::startPendingClose, CLOSE_WAIT_MILLIS);
        }
    }

    private void startPendingClose() {
        Close close = pendingClose.getAndSet(null);
        if (close != null) {
            closer.execute(() -> connection.close(close.code(), close.reason()));
        }
    }

    Connection connection() {
        return connection;
    }

    /**
     * Closes the connection of a queue that was {@linkplain #terminate()
     * terminated} (its place is kept for a resume), after the write in
     * flight, if any.
     */
    void closeGone(CloseCode code, String reason) {
        closeAfterWriteInFlight(code, reason);
    }

    /** The connection has ended: write nothing more. */
    void terminate() {
        state.set(CLOSED);
        items.clear();
    }

    boolean isOpen() {
        return state.get() == OPEN;
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            while (!inFlight && state.get() != CLOSED) {
                if (urgent.get() == 0 && !due) {
                    if (!items.isEmpty()) {
                        waitForCompany();
                    }
                    break;
                }
                Object item = items.poll();
                if (item == null) {
                    due = false;
                    break;
                }
                if (!(item instanceof Item queued && queued.frame().deferrable())) {
                    urgent.decrementAndGet();
                }
                if (item instanceof Item queued) {
                    inFlight = true;
                    Outbound frame = queued.frame();
                    String text = queued.seq() == 0 ? frame.text() : numbered(frame.text(), queued.seq());
                    if (queued.seq() != 0) {
                        handed = queued.seq();
                    }
                    connection.send(text, failure -> written(frame, failure));
                } else if (item == PING) {
                    if (pingMark < 0) {
                        pingMark = handed;
                    }
                    connection.ping();
                } else if (item instanceof Close close && state.getAndSet(CLOSED) != CLOSED) {
                    closer.execute(() -> connection.close(close.code(), close.reason()));
                }
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    /** The frame's JSON object with {@code "seq"} added as its last member. */
    static String numbered(String text, long seq) {
        return new StringBuilder(text.length() + 24).append(text, 0, text.length() - 1)
                .append(",\"seq\":").append(seq).append('}').toString();
    }

    /** The newest seq handed to the connection (0: none yet). */
    long handed() {
        return handed;
    }

    /**
     * A pong came back: every frame handed before the oldest unanswered ping
     * was read. Answers the newest such seq, or -1 when no ping was waiting.
     */
    long ponged() {
        long mark = pingMark;
        pingMark = -1;
        return mark;
    }

    private void waitForCompany() {
        if (timerSet.compareAndSet(false, true)) {
            later.run(() -> {
                timerSet.set(false);
                due = true;
                drain();
            }, DEFER_MILLIS);
        }
    }

    private void written(Outbound frame, Throwable failure) {
        pendingBytes.addAndGet(-frame.bytes());
        pendingFrames.decrementAndGet();
        inFlight = false;
        if (failure == null) {
            observer.written(frame, System.nanoTime());
        } else {
            closeNow(Disconnect.WRITE_FAILED.code(), Disconnect.WRITE_FAILED.phrase(), () -> {
                observer.slowClientCut();
                onOverflow.run();
            });
        }
        startPendingClose();
        drain();
    }
}
