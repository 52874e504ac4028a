package com.rooms.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;


/**
 * Chat fan-out with durability: a room of {@code --clients} (100) where
 * {@code --rate} (50) {@code text} messages a second are sent, spread over
 * {@code --senders} (20; each connection may send 5 a second) of them.
 * Every delivery's latency runs from the send to its arrival at each client,
 * so it includes the commit that comes before delivery. {@code --warmup}
 * seconds (5) are not counted; {@code --seconds} (20) are.
 */
final class Fanout {
    private final Options options;

    Fanout(Options options) {
        this.options = options;
    }

    Report run() throws Exception {
        Server server = new Server(options.string("base", "http://localhost:9080"));
        int clients = options.integer("clients", 100);
        int rate = options.integer("rate", 50);
        int senderCount = Math.min(clients, options.integer("senders", 20));
        int warmup = options.integer("warmup", 5);
        int seconds = options.integer("seconds", 20);
        String room = Server.unique("fanout");

        Latencies latencies = new Latencies();
        AtomicLong measureFrom = new AtomicLong(Long.MAX_VALUE);
        AtomicLong measureUntil = new AtomicLong(Long.MAX_VALUE);
        AtomicInteger errors = new AtomicInteger();
        List<Peer> peers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            peers.add(Peer.connect(server, room, Server.unique("fan"), frame -> {
                long now = System.nanoTime();
                String type = frame.getString("type", "");
                if ("text".equals(type)) {
                    String text = frame.getJsonObject("data").getString("text");
                    long sent = Long.parseLong(text.substring(text.indexOf(' ') + 1));
                    if (sent >= measureFrom.get() && sent < measureUntil.get()) {
                        latencies.add(now - sent);
                    }
                } else if ("error".equals(type)) {
                    errors.incrementAndGet();
                }
            }));
        }
        List<Peer> senders = peers.subList(0, senderCount);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        measureFrom.set(start + TimeUnit.SECONDS.toNanos(warmup));
        measureUntil.set(measureFrom.get() + TimeUnit.SECONDS.toNanos(seconds));
        clock.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            Peer sender = senders.get(Math.floorMod(next.getAndIncrement(), senders.size()));
            if (sender.trySend("{\"type\":\"text\",\"data\":{\"text\":\"b " + now + "\"}}")) {
                if (now >= measureFrom.get() && now < measureUntil.get()) {
                    sent.incrementAndGet();
                }
            } else {
                skipped.incrementAndGet();
            }
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        Thread.sleep(TimeUnit.SECONDS.toMillis(warmup + seconds) + 2000);
        clock.shutdownNow();
        peers.forEach(Peer::close);

        int expected = sent.get() * clients;
        return new Report("fanout", options.used)
                .put("messages_sent", sent.get())
                .put("deliveries_expected", expected)
                .put("deliveries", latencies.count())
                .put("deliveries_per_s", latencies.count() / (double) seconds)
                .put("latency_p50_ms", latencies.percentileMillis(50))
                .put("latency_p99_ms", latencies.percentileMillis(99))
                .put("latency_p999_ms", latencies.percentileMillis(99.9))
                .put("latency_max_ms", latencies.percentileMillis(100))
                .put("errors", errors.get())
                .put("sends_skipped", skipped.get());
    }
}
