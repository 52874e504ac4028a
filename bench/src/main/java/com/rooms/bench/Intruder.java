package com.rooms.bench;

import java.io.StringReader;
import java.net.InetAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.json.Json;

/**
 * One hostile connection slot: connects (each time as the next user of the
 * pool, to a room chosen by its owner), sends what the pacer hands it, and
 * when the server closes it, or it drops itself, connects again. A refused
 * handshake is counted and retried after a pause. After a message that must
 * or may end the connection it sends nothing more and waits for the close.
 */
final class Intruder implements Wire.Listener {
    private enum State { DOWN, CONNECTING, READY, AWAITING_CLOSE, RETIRED }

    private static final byte[] WELCOME = "{\"type\":\"welcome\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ERROR = "{\"type\":\"error\"".getBytes(StandardCharsets.UTF_8);
    private static final long RETRY_AFTER_REFUSAL = TimeUnit.SECONDS.toNanos(1);
    private static final long MAY_CLOSE_WAIT = TimeUnit.SECONDS.toNanos(1);
    private static final long WELCOME_WAIT = TimeUnit.SECONDS.toNanos(30);

    private final Loop loop;
    private final Supplier<URI> rooms;
    private final Supplier<String> tokens;
    private final InetAddress local;
    private final Outcomes outcomes;
    private final long closeWait;
    private State state = State.DOWN;
    private long due;
    private Wire wire;
    private String lastKind = "handshake";
    private Mutator.Message last;
    /** The kinds and sizes of what this connection sent, oldest first, for the samples of odd endings. */
    private final StringBuilder history = new StringBuilder();
    private boolean mustClose;
    private int attempt;
    private volatile String clientId;

    Intruder(Loop loop, Supplier<URI> rooms, Supplier<String> tokens, InetAddress local, Outcomes outcomes,
             long closeWaitNanos) {
        this.loop = loop;
        this.rooms = rooms;
        this.tokens = tokens;
        this.local = local;
        this.outcomes = outcomes;
        this.closeWait = closeWaitNanos;
    }

    /** The client id of the current connection, null while there is none. */
    String clientId() {
        return clientId;
    }

    /** Moves on what time alone decides: a reconnect that is due, a close that did not come. True when ready to send. */
    synchronized boolean ready(long now) {
        switch (state) {
            case DOWN -> {
                if (now >= due) {
                    connect();
                }
                return false;
            }
            case AWAITING_CLOSE -> {
                if (now >= due) {
                    if (mustClose) {
                        outcomes.unclosed(last, history.toString());
                    } else {
                        outcomes.dropped.increment();
                    }
                    wire.abort();
                    down(now, 0);
                }
                return false;
            }
            case READY -> {
                return true;
            }
            case CONNECTING -> {
                if (now >= due) {
                    outcomes.refused("no welcome within 30 s");
                    if (wire != null) {
                        wire.abort();
                    }
                    down(now, 0);
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    /** Sends one message; only when {@link #ready} said so. */
    synchronized void send(Mutator.Message message, long now) {
        if (state != State.READY) {
            return;
        }
        boolean written = false;
        for (byte[] piece : message.writes()) {
            written |= wire.sendRaw(piece);
        }
        if (!written) {
            return;
        }
        outcomes.sent(message);
        lastKind = message.kind();
        last = message;
        if (history.length() > 2000) {
            history.delete(0, history.indexOf(" ", 500) + 1);
        }
        history.append(message.kind()).append('(').append(message.writes().stream().mapToInt(w -> w.length).sum())
                .append(") ");
        switch (message.ending()) {
            case STAYS_OPEN -> {
            }
            case SERVER_CLOSES, SERVER_MAY_CLOSE -> {
                mustClose = message.ending() == Mutator.Ending.SERVER_CLOSES;
                state = State.AWAITING_CLOSE;
                due = now + (mustClose ? closeWait : MAY_CLOSE_WAIT);
            }
            case FUZZER_DROPS -> {
                wire.abort();
                outcomes.dropped.increment();
                down(now, 0);
            }
        }
    }

    /** Ends the current connection with a clean close and connects no more. */
    synchronized void retire() {
        if (wire != null && (state == State.READY || state == State.AWAITING_CLOSE)) {
            wire.close();
        }
        state = State.RETIRED;
    }

    /** Drops whatever is left of the connection. */
    synchronized void abort() {
        if (wire != null) {
            wire.abort();
        }
        state = State.RETIRED;
    }

    private void connect() {
        state = State.CONNECTING;
        lastKind = "handshake";
        last = null;
        history.setLength(0);
        wire = null;
        due = System.nanoTime() + WELCOME_WAIT;
        int current = ++attempt;
        Wire.open(loop, rooms.get(), Map.of("Authorization", "Bearer " + tokens.get()), local, this)
                .whenComplete((opened, failure) -> {
                    if (failure != null) {
                        refused(current, failure);
                    } else {
                        upgraded(current, opened);
                    }
                });
    }

    private synchronized void upgraded(int current, Wire opened) {
        if (state != State.CONNECTING || current != attempt) {
            opened.abort();
            return;
        }
        wire = opened;
        outcomes.opened.increment();
    }

    private synchronized void refused(int current, Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        String message = String.valueOf(cause.getMessage());
        String why = message.startsWith("upgrade refused: ")
                ? message.substring("upgrade refused: ".length()).replaceFirst("^HTTP/1.1 ", "")
                : cause.getClass().getSimpleName() + ": " + message;
        outcomes.refused(why);
        if (state == State.CONNECTING && current == attempt) {
            down(System.nanoTime(), RETRY_AFTER_REFUSAL);
        }
    }

    @Override
    public void text(Wire from, ByteBuffer payload, long receivedNanos) {
        if (Member.startsWith(payload, ERROR)) {
            outcomes.error(errorCode(payload));
        } else if (Member.startsWith(payload, WELCOME)) {
            welcomed(from, payload);
        }
    }

    private synchronized void welcomed(Wire from, ByteBuffer payload) {
        if (state != State.CONNECTING || from != wire) {
            return;
        }
        String json = StandardCharsets.UTF_8.decode(payload.duplicate()).toString();
        clientId = Json.createReader(new StringReader(json)).readObject().getJsonObject("data").getString("client_id");
        state = State.READY;
    }

    @Override
    public synchronized void closed(Wire from, int code) {
        if (from != wire || state == State.DOWN || state == State.RETIRED) {
            return;
        }
        outcomes.closed(code, lastKind, state == State.AWAITING_CLOSE, last, history.toString());
        down(System.nanoTime(), 0);
    }

    private void down(long now, long pause) {
        state = State.DOWN;
        clientId = null;
        due = now + pause;
    }

    /** The {@code code} of an error frame, found without parsing the frame. */
    private static String errorCode(ByteBuffer payload) {
        String json = StandardCharsets.UTF_8.decode(payload.duplicate()).toString();
        int at = json.indexOf("\"code\":\"");
        if (at < 0) {
            return "?";
        }
        int from = at + 8;
        int to = json.indexOf('"', from);
        return to < 0 ? "?" : json.substring(from, to);
    }
}
