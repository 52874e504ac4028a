package com.rooms.bench;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Protocol fuzzer: {@code --connections} (50) hostile connections send
 * {@code --frames} (100,000) mutated frames in all ({@link Mutator}, seeded
 * by {@code --seed}, random unless given), paced at {@code --rate} (3,000)
 * frames a second, while two honest clients in a shared room chat and relay
 * signaling to each other ({@link HonestClient}). A third of the hostile
 * connections go to the shared room, the rest to {@code --rooms} (8) rooms
 * of their own; each connection is a user of a pool of {@code --users}
 * (4 per connection), taken in turn, from source addresses 127.0.1.x. A
 * connection the server closes, or that the fuzzer drops, connects again
 * until the frames are spent; refused handshakes are counted, not failed.
 *
 * <p>It passes when: every honest message arrived exactly once and in order
 * and no honest connection got an {@code error} or was closed; no connection
 * was closed with 1011;
 * the server's {@code --log} (its messages.log) got no line above INFO, no
 * stack trace and no FFDC incident; and the server's threads, open
 * descriptors and heap after a full GC came back to their level of before
 * the fuzz, within the tolerances below, in at most {@code --settle} (30)
 * seconds. Threads and descriptors are read from {@code /proc} of the
 * server's {@code --pid} (or the pid Liberty's {@code server start} wrote
 * beside the log's server); without one those two checks are skipped with a
 * note. A frame that breaks the WebSocket framing and got no close within
 * {@code --close-wait} (5) seconds is counted and shown, not failed: Open
 * Liberty sometimes never finishes such a close (docs/reliability.md); the
 * connection is dropped, and what it leaves behind shows in the threads and
 * descriptors.
 */
final class Fuzz {
    /**
     * Threads may end above their level by this many: Liberty's executor grows
     * under load and keeps threads above its core size for a minute after
     * their last task, longer than the settle period; a leak of a thread per
     * connection or per close would show as thousands here.
     */
    static final int THREAD_TOLERANCE = 40;
    /**
     * Descriptors may end above their level by this many: jars and database
     * files Liberty and H2 open on first use of a code path. A leaked socket
     * per thousand connections would already pass it in the CI run.
     */
    static final int DESCRIPTOR_TOLERANCE = 15;
    /**
     * Heap after a full GC may end above its level by this much: caches that
     * fill once (compiled expressions, JPA's shared cache of rooms and
     * members, which the hostile users join). A leak of a few hundred bytes per
     * hostile message would be over it by the CI run's end.
     */
    static final long HEAP_TOLERANCE_BYTES = 16_000_000;
    private static final long TICK_MILLIS = 100;

    private final Options options;

    Fuzz(Options options) {
        this.options = options;
    }

    Report run() throws Exception {
        Server server = new Server(options.string("base", "http://localhost:9080"));
        int frames = options.integer("frames", 100_000);
        int connections = options.integer("connections", 50);
        int rate = options.integer("rate", 3000);
        long seed = Long.parseLong(options.string("seed", Long.toString(new Random().nextLong())));
        int userCount = options.integer("users", 4 * connections);
        int roomCount = options.integer("rooms", 8);
        int settle = options.integer("settle", 30);
        int closeWait = options.integer("close-wait", 5);
        String logOption = options.string("log", "");
        String pidOption = options.string("pid", "");
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();

        LogWatch logWatch = logOption.isEmpty() ? null : LogWatch.start(Path.of(logOption));
        if (logWatch == null) {
            notes.add("no --log given: the server's log is not checked");
        }
        ServerProcess process = new ServerProcess(ServerProcess.find(pidOption, logOption));
        if (!process.known()) {
            notes.add("no --pid given or found: threads and descriptors are not checked");
        }

        String run = Server.unique("fuzz");
        List<String> users = new ArrayList<>();
        for (int i = 0; i < userCount; i++) {
            users.add(run + "-u" + i);
        }
        List<String> tokens = server.tokens(users, 8);
        String sharedRoom = run + "-shared";
        List<URI> hostileRooms = new ArrayList<>();
        Report report = new Report("fuzz", options.used);

        try (Loop honestLoop = new Loop("fuzz-honest"); Loop hostileLoop = new Loop("fuzz-hostile")) {
            Latencies chat = new Latencies();
            Latencies signals = new Latencies();
            HonestClient a = new HonestClient("a", Member.join(honestLoop, server, sharedRoom,
                    server.token(run + "-alice"), null).get(30, TimeUnit.SECONDS), true, chat, signals);
            HonestClient b = new HonestClient("b", Member.join(honestLoop, server, sharedRoom,
                    server.token(run + "-bob"), null).get(30, TimeUnit.SECONDS), false, chat, signals);
            HonestClient.pair(a, b);
            for (int i = 0; i < roomCount; i++) {
                String room = run + "-r" + i;
                Member founder = Member.join(hostileLoop, server, room, tokens.get(i % tokens.size()), null)
                        .get(30, TimeUnit.SECONDS);
                founder.wire.close();
                hostileRooms.add(server.socket(room));
            }
            Thread.sleep(1000);
            Footprint before = Footprint.of(server, process);
            System.out.printf("fuzz: seed %d, before: %d threads, %d descriptors, %.1f MB heap%n", seed,
                    before.threads(), before.descriptors(), before.heapMb());

            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            AtomicLong ticks = new AtomicLong();
            ticker.scheduleAtFixedRate(() -> {
                long n = ticks.getAndIncrement();
                a.tick(n);
                b.tick(n);
            }, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);

            Outcomes outcomes = new Outcomes();
            List<Intruder> intruders = intruders(hostileLoop, server, connections, seed, sharedRoom, hostileRooms,
                    tokens, outcomes, TimeUnit.SECONDS.toNanos(closeWait));
            long start = System.nanoTime();
            boolean stalled = pace(intruders, new Mutator(seed), frames, rate, outcomes, List.of(a, b));
            double seconds = (System.nanoTime() - start) / 1e9;
            if (stalled) {
                problems.add("no hostile frame could be sent for 30 s; stopped at " + outcomes.frames.sum());
            }
            intruders.forEach(Intruder::retire);
            Thread.sleep(2000);
            intruders.forEach(Intruder::abort);
            Thread.sleep(1000);
            ticker.shutdown();
            ticker.awaitTermination(5, TimeUnit.SECONDS);
            long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (!(a.caughtUp() && b.caughtUp()) && System.nanoTime() < drainUntil) {
                Thread.sleep(100);
            }

            long settleStart = System.nanoTime();
            Footprint after = Footprint.of(server, process);
            while (!within(before, after) && System.nanoTime() - settleStart < TimeUnit.SECONDS.toNanos(settle)) {
                Thread.sleep(2000);
                after = Footprint.of(server, process);
            }
            double settled = (System.nanoTime() - settleStart) / 1e9;
            boolean honestOpen = a.open() && b.open();
            a.member.wire.close();
            b.member.wire.close();

            outcomes.print(System.out);
            report.put("seed", seed)
                    .put("seconds", seconds)
                    .put("frames_sent", outcomes.frames.sum())
                    .put("frames_per_s", outcomes.frames.sum() / seconds)
                    .put("messages_sent", Outcomes.total(outcomes.messagesByKind))
                    .put("connections_opened", outcomes.opened.sum())
                    .put("handshakes_refused", Outcomes.total(outcomes.refusals))
                    .put("dropped_by_fuzzer", outcomes.dropped.sum())
                    .put("error_frames", Outcomes.total(outcomes.errorCodes));
            outcomes.closesByCode.forEach((code, n) -> report.put("close_" + code, n.sum()));
            report.put("closes_not_asked_for", Outcomes.total(outcomes.unprovoked))
                    .put("closes_missing", Outcomes.total(outcomes.unclosed));
            honestFigures(report, a, b, chat, signals, problems);
            report.put("honest_connections_open", honestOpen ? 2 : 0)
                    .put("threads_before", before.threads()).put("threads_after", after.threads())
                    .put("fds_before", before.descriptors()).put("fds_after", after.descriptors())
                    .put("heap_mb_before", before.heapMb()).put("heap_mb_after", after.heapMb())
                    .put("settle_s", settled);

            if (!honestOpen) {
                problems.add("an honest connection was closed (a: " + a.member.closeCode + ", b: "
                        + b.member.closeCode + ")");
            }
            outcomes.unclosed.forEach((kind, n) -> notes.add(n.sum() + " " + kind
                    + " message(s) not answered with a close within " + closeWait + " s (dropped by the fuzzer)"));
            if (outcomes.closesByCode.containsKey(1011)) {
                problems.add(outcomes.closesByCode.get(1011).sum() + " connection(s) closed 1011 (internal error)");
            }
            if (!within(before, after)) {
                problems.add(String.format("footprint not back to its level after %.0f s: threads %d -> %d, "
                        + "descriptors %d -> %d, heap %.1f -> %.1f MB", settled, before.threads(), after.threads(),
                        before.descriptors(), after.descriptors(), before.heapMb(), after.heapMb()));
            }
        }
        if (logWatch != null) {
            List<String> lines = logWatch.unexpected();
            report.put("log_lines_unexpected", lines.size());
            lines.stream().limit(100).forEach(l -> System.out.println("LOG: " + l));
            if (!lines.isEmpty()) {
                problems.add(lines.size() + " unexpected line(s) in the server's log");
            }
        }
        notes.forEach(n -> System.out.println("NOTE: " + n));
        problems.forEach(p -> System.out.println("PROBLEM: " + p));
        return report.put("problems", problems.size());
    }

    private static List<Intruder> intruders(Loop loop, Server server, int count, long seed, String sharedRoom,
                                            List<URI> hostileRooms, List<String> tokens, Outcomes outcomes,
                                            long closeWaitNanos) throws Exception {
        boolean loopback = InetAddress.getByName(URI.create(server.base).getHost()).isLoopbackAddress();
        AtomicInteger nextUser = new AtomicInteger();
        URI shared = server.socket(sharedRoom);
        List<Intruder> intruders = new ArrayList<>(count);
        for (int slot = 0; slot < count; slot++) {
            Random choice = new Random(seed ^ (slot * 0x9E3779B97F4A7C15L));
            InetAddress local = loopback ? InetAddress.getByAddress(new byte[] {127, 0, 1, (byte) (1 + slot % 250)}) : null;
            intruders.add(new Intruder(loop,
                    () -> choice.nextInt(3) == 0 ? shared : hostileRooms.get(choice.nextInt(hostileRooms.size())),
                    () -> tokens.get(Math.floorMod(nextUser.getAndIncrement(), tokens.size())),
                    local, outcomes, closeWaitNanos));
        }
        return intruders;
    }

    /** Hands out hostile messages at {@code rate} frames a second until {@code frames} were sent; true if it stalled. */
    private static boolean pace(List<Intruder> intruders, Mutator mutator, int frames, int rate, Outcomes outcomes,
                                List<HonestClient> honest) {
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long next = start;
        long lastSent = start;
        long lastSweep = 0;
        long lastReport = start;
        int turn = 0;
        int n = intruders.size();
        while (outcomes.frames.sum() < frames) {
            long now = System.nanoTime();
            if (now - lastSweep > 20_000_000L) {
                intruders.forEach(i -> i.ready(now));
                lastSweep = now;
            }
            if (now - lastReport > 10_000_000_000L) {
                System.out.printf("  %.0f s: %d frames, %d connections opened, honest signals delivered %d%n",
                        (now - start) / 1e9, outcomes.frames.sum(), outcomes.opened.sum(),
                        honest.get(0).peerSignals.delivered + honest.get(1).peerSignals.delivered);
                lastReport = now;
            }
            if (now - lastSent > 30_000_000_000L) {
                return true;
            }
            if (next > now) {
                LockSupport.parkNanos(Math.min(next - now, 1_000_000L));
                continue;
            }
            Intruder chosen = null;
            for (int k = 0; k < n && chosen == null; k++) {
                Intruder candidate = intruders.get((turn + k) % n);
                if (candidate.ready(now)) {
                    chosen = candidate;
                    turn = (turn + k + 1) % n;
                }
            }
            if (chosen == null) {
                next = Math.max(next, now - 100_000_000L);
                LockSupport.parkNanos(1_000_000L);
                continue;
            }
            Mutator.Message message = mutator.next(ids(intruders, honest));
            chosen.send(message, now);
            next += interval * message.frames();
            lastSent = now;
        }
        return false;
    }

    private static List<String> ids(List<Intruder> intruders, List<HonestClient> honest) {
        List<String> ids = new ArrayList<>(intruders.size() + 3);
        honest.forEach(h -> ids.add(h.member.clientId));
        for (Intruder intruder : intruders) {
            String id = intruder.clientId();
            ids.add(id != null ? id : "gone");
        }
        return ids;
    }

    private static boolean within(Footprint before, Footprint after) {
        return after.threads() <= before.threads() + THREAD_TOLERANCE
                && after.descriptors() <= before.descriptors() + DESCRIPTOR_TOLERANCE
                && after.heapBytes() <= before.heapBytes() + HEAP_TOLERANCE_BYTES;
    }

    private static void honestFigures(Report report, HonestClient a, HonestClient b, Latencies chat,
                                      Latencies signals, List<String> problems) {
        long signalsSent = a.signalsSent.get() + b.signalsSent.get();
        long signalsDelivered = a.peerSignals.delivered + b.peerSignals.delivered;
        long textsSent = a.textsSent.get() + b.textsSent.get();
        long textDeliveries = a.ownTexts.delivered + a.peerTexts.delivered + b.ownTexts.delivered
                + b.peerTexts.delivered;
        long missing = 0;
        long disorder = 0;
        for (HonestClient.Stream s : List.of(a.peerSignals, a.ownTexts, a.peerTexts, b.peerSignals, b.ownTexts,
                b.peerTexts)) {
            missing += s.missing;
            disorder += s.duplicatesOrReordered;
        }
        missing += (a.signalsSent.get() - b.peerSignals.expected) + (b.signalsSent.get() - a.peerSignals.expected)
                + 2 * textsSent - (a.ownTexts.expected + a.peerTexts.expected + b.ownTexts.expected + b.peerTexts.expected);
        long errors = a.errors + b.errors;
        report.put("honest_signals_sent", signalsSent)
                .put("honest_signals_delivered", signalsDelivered)
                .put("honest_texts_sent", textsSent)
                .put("honest_text_deliveries", textDeliveries)
                .put("honest_missing", missing)
                .put("honest_duplicate_or_out_of_order", disorder)
                .put("honest_errors", errors)
                .put("honest_foreign_frames", a.foreignFrames + b.foreignFrames)
                .put("honest_unreadable_frames", a.unreadable + b.unreadable)
                .put("honest_chat_p50_ms", chat.percentileMillis(50))
                .put("honest_chat_p99_ms", chat.percentileMillis(99))
                .put("honest_signal_p50_ms", signals.percentileMillis(50))
                .put("honest_signal_p99_ms", signals.percentileMillis(99));
        if (missing != 0) {
            problems.add(missing + " honest message(s) did not arrive");
        }
        if (disorder != 0) {
            problems.add(disorder + " honest message(s) arrived twice or out of order");
        }
        if (errors != 0) {
            problems.add(errors + " error frame(s) to honest clients, the first: "
                    + (a.firstError != null ? a.firstError : b.firstError));
        }
        if (signalsSent == 0 || textsSent == 0) {
            problems.add("the honest clients sent nothing");
        }
    }
}
