package com.rooms.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;

/**
 * Idle connections: opens {@code --connections} (10,000) room connections,
 * {@code --per-room} (10) to a room, each its own user, at most
 * {@code --concurrency} (200) handshakes at a time, from source addresses
 * 127.0.0.2 and up ({@code --per-address}, 20,000 each: one address has about
 * 28,000 ephemeral ports). Then holds them {@code --idle} (60) seconds while
 * the server's keep-alive pings are answered, after {@code --settle} (10)
 * seconds for the server to finish recording the joins. At the end every
 * connection is closed at once, and dropped {@code --linger} (3) seconds later.
 *
 * <p>Figures: the time to connect them all (tokens are fetched before and not
 * counted), the server's heap per connection (heap after a full GC with the
 * connections held, minus before, from {@code /api/bench/heap}), and the
 * server's CPU while idle (process CPU time over the idle seconds).
 */
final class Connections {
    private final Options options;

    Connections(Options options) {
        this.options = options;
    }

    Report run() throws Exception {
        Server server = new Server(options.string("base", "http://localhost:9080"));
        int count = options.integer("connections", 10_000);
        int perRoom = options.integer("per-room", 10);
        int concurrency = options.integer("concurrency", 200);
        int perAddress = options.integer("per-address", 20_000);
        int idle = options.integer("idle", 60);
        int settle = options.integer("settle", 10);
        String run = Server.unique("conn");

        JsonObject before = server.probe(true);
        try (Loop loop = new Loop("connections-io")) {
            Crowd crowd = Crowd.open(loop, server, run, count, perRoom, concurrency, perAddress);
            List<Member> members = crowd.members;
            double connectSeconds = crowd.connectSeconds;
            Thread.sleep(2000);
            JsonObject held = server.probe(true);
            Thread.sleep(TimeUnit.SECONDS.toMillis(settle));

            JsonObject idleFrom = server.probe(false);
            long idleStart = System.nanoTime();
            Thread.sleep(TimeUnit.SECONDS.toMillis(idle));
            JsonObject idleTo = server.probe(false);
            double idleWall = (System.nanoTime() - idleStart) / 1e9;
            long open = members.stream().filter(m -> m.wire.isOpen()).count();

            double cpuSeconds = (idleTo.getJsonNumber("cpu_time_ns").longValue()
                    - idleFrom.getJsonNumber("cpu_time_ns").longValue()) / 1e9;
            int processors = idleTo.getInt("processors");
            long heapGrowth = held.getJsonNumber("heap_used_bytes").longValue()
                    - before.getJsonNumber("heap_used_bytes").longValue();
            members.forEach(m -> m.wire.close());
            Thread.sleep(TimeUnit.SECONDS.toMillis(options.integer("linger", 3)));
            members.forEach(m -> m.wire.abort());

            Report report = new Report("connections", options.used)
                    .put("connected", members.size())
                    .put("failed", crowd.failed)
                    .put("tokens_fetch_s", crowd.tokenSeconds)
                    .put("connect_all_s", connectSeconds)
                    .put("connects_per_s", members.size() / connectSeconds)
                    .put("heap_before_mb", before.getJsonNumber("heap_used_bytes").longValue() / 1048576.0)
                    .put("heap_held_mb", held.getJsonNumber("heap_used_bytes").longValue() / 1048576.0)
                    .put("heap_per_connection_kb", members.isEmpty() ? Double.NaN : heapGrowth / 1024.0 / members.size())
                    .put("idle_s", idleWall)
                    .put("idle_cpu_percent_of_machine", 100 * cpuSeconds / idleWall / processors)
                    .put("idle_cpu_percent_of_one_core", 100 * cpuSeconds / idleWall)
                    .put("still_open_after_idle", open);
            if (crowd.firstFailure != null) {
                System.out.println("first failure: " + crowd.firstFailure);
            }
            return report;
        }
    }
}
