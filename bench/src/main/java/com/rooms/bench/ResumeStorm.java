package com.rooms.bench;

import java.io.StringReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * A proxy restart under a crowd (PROTOCOL.md 3.3): {@code --connections}
 * (5,000) clients, {@code --per-room} (10) to a room, each its own user, join
 * at once (at most {@code --concurrency} (200) handshakes at a time), each
 * timed from its handshake to its {@code history}. After {@code --settle} (3)
 * seconds every TCP connection is dropped at once without a close frame, as a
 * restarting proxy drops them, and after {@code --pause} (1) second every
 * client resumes at once with its token and last {@code seq}, each timed to
 * its fresh {@code room-info}, the last frame of a resume.
 *
 * <p>Figures: joins and resumes per second (clients over the time from the
 * first handshake to the last client ready) and their latency percentiles,
 * in the same run on the same server. Problems (exit 1): a client that did
 * not connect, or a resume that gave an ordinary join.
 */
final class ResumeStorm {
    private final Options options;

    ResumeStorm(Options options) {
        this.options = options;
    }

    Report run() throws Exception {
        Server server = new Server(options.string("base", "http://localhost:9080"));
        int count = options.integer("connections", 5_000);
        int perRoom = options.integer("per-room", 10);
        int concurrency = options.integer("concurrency", 200);
        int perAddress = options.integer("per-address", 20_000);
        int settle = options.integer("settle", 3);
        int pause = options.integer("pause", 1);
        String run = Server.unique("resume");
        boolean loopback = InetAddress.getByName(URI.create(server.base).getHost()).isLoopbackAddress();

        List<String> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            users.add(run + "-u" + i);
        }
        List<String> tokens = server.tokens(users, 8);
        Report report = new Report("resume-storm", options.used);
        try (Loop loop = new Loop("resume-storm-io")) {
            List<Place> places = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                places.add(new Place(run + "-r" + i / perRoom, tokens.get(i),
                        loopback ? InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (2 + i / perAddress)}) : null));
            }
            Wave joins = wave(loop, server, places, concurrency, false);
            Thread.sleep(TimeUnit.SECONDS.toMillis(settle));
            places.forEach(p -> p.wire.abort());
            Thread.sleep(TimeUnit.SECONDS.toMillis(pause));
            Wave resumes = wave(loop, server, places, concurrency, true);
            long resumed = places.stream().filter(p -> p.resumed).count();
            places.forEach(p -> {
                if (p.wire != null) {
                    p.wire.close();
                }
            });
            Thread.sleep(1000);

            report.put("clients", count)
                    .put("joined", joins.ready)
                    .put("joins_per_s", joins.ready / joins.seconds)
                    .put("join_p50_ms", joins.latencies.percentileMillis(50))
                    .put("join_p99_ms", joins.latencies.percentileMillis(99))
                    .put("resumed", resumed)
                    .put("resumes_per_s", resumes.ready / resumes.seconds)
                    .put("resume_p50_ms", resumes.latencies.percentileMillis(50))
                    .put("resume_p99_ms", resumes.latencies.percentileMillis(99))
                    .put("resume_over_join_rate", (resumes.ready / resumes.seconds) / (joins.ready / joins.seconds));
            int problems = 0;
            if (joins.ready < count || resumes.ready < count) {
                problems++;
                System.out.println("PROBLEM: " + (count - joins.ready) + " joins and " + (count - resumes.ready)
                        + " resumes did not finish; first: " + (joins.firstFailure != null ? joins.firstFailure
                        : resumes.firstFailure));
            }
            if (resumed < count) {
                problems++;
                System.out.println("PROBLEM: " + (count - resumed) + " resumes gave an ordinary join");
            }
            report.put("problems", problems);
        }
        return report;
    }

    /** The outcome of one wave of handshakes. */
    private record Wave(int ready, double seconds, Latencies latencies, String firstFailure) {
    }

    private static Wave wave(Loop loop, Server server, List<Place> places, int concurrency, boolean resume)
            throws Exception {
        Semaphore inFlight = new Semaphore(concurrency);
        Latencies latencies = new Latencies();
        AtomicInteger ready = new AtomicInteger();
        List<CompletableFuture<Place>> all = new ArrayList<>(places.size());
        String[] firstFailure = {null};
        long start = System.nanoTime();
        long[] last = {start};
        for (Place place : places) {
            inFlight.acquire();
            long began = System.nanoTime();
            all.add(place.open(loop, server, resume).whenComplete((p, e) -> {
                inFlight.release();
                if (e == null) {
                    long now = System.nanoTime();
                    latencies.add(now - began);
                    ready.incrementAndGet();
                    synchronized (last) {
                        last[0] = Math.max(last[0], now);
                    }
                } else {
                    synchronized (firstFailure) {
                        if (firstFailure[0] == null) {
                            firstFailure[0] = String.valueOf(e.getCause() == null ? e : e.getCause());
                        }
                    }
                }
            }));
        }
        for (CompletableFuture<Place> each : all) {
            try {
                each.get(120, TimeUnit.SECONDS);
            } catch (Exception e) {
                // counted above
            }
        }
        double seconds;
        synchronized (last) {
            seconds = (last[0] - start) / 1e9;
        }
        return new Wave(ready.get(), seconds, latencies, firstFailure[0]);
    }

    /**
     * One client's place: its connection, the newest resume token, the
     * {@code seq} of the last frame read (a resumed welcome's own not
     * counted) and whether its last welcome was a resume.
     */
    private static final class Place implements Wire.Listener {
        final String room;
        final String token;
        final InetAddress local;
        volatile Wire wire;
        volatile String resumeToken;
        volatile long lastSeq;
        volatile boolean resumed;
        private volatile CompletableFuture<Place> ready;
        private volatile String readyType;

        Place(String room, String token, InetAddress local) {
            this.room = room;
            this.token = token;
            this.local = local;
        }

        CompletableFuture<Place> open(Loop loop, Server server, boolean resume) {
            ready = new CompletableFuture<>();
            readyType = resume ? "room-info" : "history";
            URI uri = server.socket(room);
            if (resume) {
                uri = URI.create(uri + "?resume=" + URLEncoder.encode(resumeToken, StandardCharsets.UTF_8)
                        + "&last_seq=" + lastSeq);
            }
            Wire.open(loop, uri, Map.of("Authorization", "Bearer " + token), local, this).whenComplete((w, e) -> {
                if (e != null) {
                    ready.completeExceptionally(e);
                } else {
                    wire = w;
                }
            });
            return ready;
        }

        @Override
        public void text(Wire from, ByteBuffer payload, long receivedNanos) {
            JsonObject frame = Json.createReader(new StringReader(StandardCharsets.UTF_8.decode(payload).toString()))
                    .readObject();
            String type = frame.getString("type", "");
            boolean resumedWelcome = false;
            if ("welcome".equals(type)) {
                JsonObject data = frame.getJsonObject("data");
                resumeToken = data.getString("resume", null);
                resumed = data.getBoolean("resumed", false);
                resumedWelcome = resumed;
            }
            if (!resumedWelcome && frame.containsKey("seq")) {
                lastSeq = frame.getJsonNumber("seq").longValue();
            }
            if (readyType.equals(type)) {
                ready.complete(this);
            }
        }

        @Override
        public void closed(Wire from, int code) {
            ready.completeExceptionally(new IllegalStateException("closed " + code + " before " + readyType));
        }
    }
}
