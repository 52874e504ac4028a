package com.rooms.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * WebRTC signaling relay: {@code --pairs} (50) pairs, each alone in its own
 * room, sending each other directed {@code --frame} frames ({@code candidate},
 * about 300 bytes, or {@code offer}, about 5 KB). The same pairs and frames
 * run against the bare relay ({@code /bench/relay}, benchmark mode) and the
 * room server in the same run ({@code --against both}), so every figure comes
 * with its ratio to the platform's own limit.
 *
 * <p>Two phases per target. Saturation: each pair keeps {@code --window} (8)
 * frames in flight, every arrival answered by a new frame back; the figure is
 * frames delivered per second. Fixed rate: {@code --rate} (2,000) frames a
 * second in all, paced by one thread, spread round-robin over the pairs and
 * both directions; the figures are the send-to-arrival latencies.
 * {@code --warmup} (3) seconds are not counted; {@code --seconds} (10) are.
 */
final class Relay {
    private static final String CANDIDATE_PAD =
            "candidate:842163049 1 udp 1677729535 192.0.2.10 54321 typ srflx raddr 10.0.0.5 rport 54321 "
                    + "generation 0 ufrag EsAw network-id 1 network-cost 10";
    private static final String SDP_LINE = "a=rtcp-fb:96 goog-remb\\r\\na=rtcp-fb:96 transport-cc\\r\\n";

    private final Options options;

    Relay(Options options) {
        this.options = options;
    }

    /**
     * One end of a pair: its connection (and, on the room server, its
     * {@link Member}), the frame template it sends to the other end, and what
     * it does with arrivals in the current phase.
     */
    private static final class End {
        Wire wire;
        Member member;
        byte[] head;
        byte[] tail;
        volatile Wire.Listener arrivals = (wire, payload, now) -> { };

        void arrived(Wire from, ByteBuffer payload, long now) {
            arrivals.text(from, payload, now);
        }

        int errors() {
            return member == null ? 0 : member.errors;
        }

        byte[] frame(long nanos) {
            byte[] digits = Long.toString(nanos).getBytes(StandardCharsets.US_ASCII);
            byte[] frame = new byte[head.length + digits.length + tail.length];
            System.arraycopy(head, 0, frame, 0, head.length);
            System.arraycopy(digits, 0, frame, head.length, digits.length);
            System.arraycopy(tail, 0, frame, head.length + digits.length, tail.length);
            return frame;
        }

        void sendToPeer() {
            wire.send(frame(System.nanoTime()));
        }
    }

    /** What the receiving side counts; swapped between phases. */
    private static final class Phase {
        final boolean echo;
        final long from;
        final long until;
        final Latencies latencies = new Latencies();
        final AtomicLong delivered = new AtomicLong();
        final AtomicLong sent = new AtomicLong();

        Phase(boolean echo, long from, long until) {
            this.echo = echo;
            this.from = from;
            this.until = until;
        }
    }

    Report run() throws Exception {
        Server server = new Server(options.string("base", "http://localhost:9080"));
        int pairs = options.integer("pairs", 50);
        int window = options.integer("window", 8);
        int rate = options.integer("rate", 2000);
        int warmup = options.integer("warmup", 3);
        int seconds = options.integer("seconds", 10);
        String frameKind = options.string("frame", "candidate");
        String against = options.string("against", "both");

        Report report = new Report("relay", options.used);
        Map<String, Double> saturation = new HashMap<>();
        Map<String, Double> p99 = new HashMap<>();
        try (Loop loop = new Loop("relay-io")) {
            for (String target : against.equals("both") ? List.of("bare", "rooms") : List.of(against)) {
                List<End[]> ends = connect(loop, server, target, pairs, frameKind);
                Phase[] current = new Phase[1];
                for (End[] pair : ends) {
                    for (End end : pair) {
                        end.arrivals = (wire, payload, now) -> arrived(current[0], end, payload, now);
                    }
                }
                long start = System.nanoTime();
                Phase saturated = new Phase(true, start + TimeUnit.SECONDS.toNanos(warmup),
                        start + TimeUnit.SECONDS.toNanos(warmup + seconds));
                current[0] = saturated;
                for (End[] pair : ends) {
                    for (int i = 0; i < window; i++) {
                        pair[i % 2].sendToPeer();
                    }
                }
                sleepUntil(saturated.until);
                current[0] = new Phase(false, Long.MAX_VALUE, Long.MAX_VALUE);
                Thread.sleep(1000);

                long paced = System.nanoTime();
                Phase fixed = new Phase(false, paced + TimeUnit.SECONDS.toNanos(warmup),
                        paced + TimeUnit.SECONDS.toNanos(warmup + seconds));
                current[0] = fixed;
                pace(ends, rate, fixed);
                Thread.sleep(1000);

                int errors = 0;
                for (End[] pair : ends) {
                    for (End end : pair) {
                        errors += end.errors();
                        end.wire.close();
                    }
                }
                double fps = saturated.delivered.get() / (double) seconds;
                saturation.put(target, fps);
                p99.put(target, fixed.latencies.percentileMillis(99));
                report.put(target + "_saturation_frames_per_s", fps)
                        .put(target + "_saturation_p50_ms", saturated.latencies.percentileMillis(50))
                        .put(target + "_saturation_p99_ms", saturated.latencies.percentileMillis(99))
                        .put(target + "_fixed_rate_sent", fixed.sent.get())
                        .put(target + "_fixed_rate_delivered", fixed.delivered.get())
                        .put(target + "_fixed_p50_ms", fixed.latencies.percentileMillis(50))
                        .put(target + "_fixed_p99_ms", fixed.latencies.percentileMillis(99))
                        .put(target + "_fixed_p999_ms", fixed.latencies.percentileMillis(99.9))
                        .put(target + "_fixed_max_ms", fixed.latencies.percentileMillis(100))
                        .put(target + "_errors", errors);
                Thread.sleep(1000);
            }
        }
        if (saturation.size() == 2) {
            report.put("ratio_saturation_rooms_to_bare", saturation.get("rooms") / saturation.get("bare"))
                    .put("ratio_p99_rooms_to_bare", p99.get("rooms") / p99.get("bare"));
        }
        return report;
    }

    private static void arrived(Phase phase, End end, ByteBuffer payload, long now) {
        long sent = timestamp(payload);
        if (sent < 0) {
            return;
        }
        if (sent >= phase.from && sent < phase.until) {
            phase.latencies.add(now - sent);
        }
        if (phase.echo) {
            if (now >= phase.from && now < phase.until) {
                phase.delivered.incrementAndGet();
            }
            end.sendToPeer();
        } else if (sent >= phase.from && sent < phase.until) {
            phase.delivered.incrementAndGet();
        }
    }

    /** The pacer: one thread, {@code rate} frames a second, round-robin over pairs and directions. */
    private static void pace(List<End[]> ends, int rate, Phase phase) {
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        int turn = 0;
        while (next < phase.until) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            End[] pair = ends.get(turn % ends.size());
            End from = pair[(turn / ends.size()) % 2];
            long now = System.nanoTime();
            from.wire.send(from.frame(now));
            if (now >= phase.from && now < phase.until) {
                phase.sent.incrementAndGet();
            }
            turn++;
            next += interval;
        }
    }

    private List<End[]> connect(Loop loop, Server server, String target, int pairs, String frameKind)
            throws Exception {
        String run = Server.unique("relay");
        List<End[]> ends = new ArrayList<>(pairs);
        if (target.equals("bare")) {
            for (int i = 0; i < pairs; i++) {
                End a = new End();
                End b = new End();
                a.wire = Wire.open(loop, server.bareChannel(run + "-" + i), Map.of(), null, a::arrived)
                        .get(30, TimeUnit.SECONDS);
                b.wire = Wire.open(loop, server.bareChannel(run + "-" + i), Map.of(), null, b::arrived)
                        .get(30, TimeUnit.SECONDS);
                ends.add(link(a, b, "bare-a", "bare-b", frameKind));
            }
            return ends;
        }
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 2 * pairs; i++) {
            users.add(run + "-u" + i);
        }
        List<String> tokens = server.tokens(users, 8);
        for (int i = 0; i < pairs; i++) {
            String room = run + "-" + i;
            End a = joined(Member.join(loop, server, room, tokens.get(2 * i), null).get(30, TimeUnit.SECONDS));
            End b = joined(Member.join(loop, server, room, tokens.get(2 * i + 1), null).get(30, TimeUnit.SECONDS));
            ends.add(link(a, b, a.member.clientId, b.member.clientId, frameKind));
        }
        return ends;
    }

    private static End joined(Member member) {
        End end = new End();
        end.member = member;
        end.wire = member.wire;
        member.frames = end::arrived;
        return end;
    }

    private static End[] link(End a, End b, String aId, String bId, String frameKind) {
        template(a, bId, frameKind);
        template(b, aId, frameKind);
        return new End[] {a, b};
    }

    /** The frame {@code end} sends: directed to {@code receiver}, with the send time last in {@code data}. */
    private static void template(End end, String receiver, String frameKind) {
        String head;
        if (frameKind.equals("offer")) {
            StringBuilder sdp = new StringBuilder("v=0\\r\\no=- 4611731400430051336 2 IN IP4 127.0.0.1\\r\\n");
            while (sdp.length() < 4900) {
                sdp.append(SDP_LINE);
            }
            head = "{\"type\":\"offer\",\"receiver\":\"" + receiver + "\",\"data\":{\"type\":\"offer\",\"sdp\":\""
                    + sdp + "\",\"t\":";
        } else if (frameKind.equals("candidate")) {
            head = "{\"type\":\"candidate\",\"receiver\":\"" + receiver + "\",\"data\":{\"candidate\":\""
                    + CANDIDATE_PAD + "\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0,"
                    + "\"usernameFragment\":\"EsAw\",\"t\":";
        } else {
            throw new IllegalArgumentException("--frame is candidate or offer, not " + frameKind);
        }
        end.head = head.getBytes(StandardCharsets.UTF_8);
        end.tail = "}}".getBytes(StandardCharsets.UTF_8);
    }

    private static final byte[] SEQ_MEMBER = ",\"seq\":".getBytes(StandardCharsets.US_ASCII);

    /**
     * The send time written last in {@code data} ({@code "t":123}); -1 in
     * frames that carry none. The server's {@code "seq"}, the frame's last
     * member (PROTOCOL.md 2), is skipped.
     */
    static long timestamp(ByteBuffer payload) {
        int start = payload.position();
        int end = payload.limit() - 1;
        if (end > start && payload.get(end) == '}') {
            int digits = end - 1;
            while (digits > start && payload.get(digits) >= '0' && payload.get(digits) <= '9') {
                digits--;
            }
            int member = digits - SEQ_MEMBER.length + 1;
            if (digits < end - 1 && member > start && matches(payload, member, SEQ_MEMBER)) {
                end = member - 1;
            }
        }
        while (end > start && payload.get(end) == '}') {
            end--;
        }
        long value = 0;
        long scale = 1;
        int i = end;
        while (i > start && payload.get(i) >= '0' && payload.get(i) <= '9') {
            value += (payload.get(i) - '0') * scale;
            scale *= 10;
            i--;
        }
        if (i == end || i < start + 4 || payload.get(i) != ':' || payload.get(i - 1) != '"'
                || payload.get(i - 2) != 't' || payload.get(i - 3) != '"') {
            return -1;
        }
        return value;
    }

    private static boolean matches(ByteBuffer payload, int at, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (payload.get(at + i) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, 100_000_000L));
        }
    }
}
