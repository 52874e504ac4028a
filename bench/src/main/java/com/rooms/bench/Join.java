package com.rooms.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Joining a room: from the start of the handshake (ticketless, with a token
 * fetched beforehand) to the arrival of {@code history}, in a room that
 * already holds {@code --history} (50) messages. {@code --joins} (200)
 * clients join one after another, each leaving before the next.
 */
final class Join {
    private final Options options;

    Join(Options options) {
        this.options = options;
    }

    Report run() throws Exception {
        Server server = new Server(options.string("base", "http://localhost:9080"));
        int history = options.integer("history", 50);
        int joins = options.integer("joins", 200);
        int warmup = options.integer("warmup", 20);
        String room = Server.unique("join");

        List<Peer> seeders = new ArrayList<>();
        int perSeeder = 10;
        for (int s = 0; s * perSeeder < history; s++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            int[] own = {0};
            int sends = Math.min(perSeeder, history - s * perSeeder);
            Peer seeder = Peer.connect(server, room, Server.unique("seed"), frame -> {
                if ("text".equals(frame.getString("type", "")) && ++own[0] == sends) {
                    done.complete(null);
                }
            });
            for (int i = 0; i < sends; i++) {
                while (!seeder.trySend("{\"type\":\"text\",\"data\":{\"text\":\"seed " + s + "-" + i + "\"}}")) {
                    Thread.onSpinWait();
                }
            }
            done.get(30, TimeUnit.SECONDS);
            seeders.add(seeder);
        }
        seeders.forEach(Peer::close);

        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < joins + warmup; i++) {
            tokens.add(server.token(Server.unique("joiner")));
        }
        Latencies latencies = new Latencies();
        int shown = 0;
        for (int i = 0; i < joins + warmup; i++) {
            CompletableFuture<Integer> historyFrame = new CompletableFuture<>();
            long start = System.nanoTime();
            Peer peer = Peer.connectWith(server, room, tokens.get(i), frame -> {
                if ("history".equals(frame.getString("type", ""))) {
                    historyFrame.complete(frame.getJsonObject("data").getJsonArray("messages").size());
                }
            });
            int messages = historyFrame.get(30, TimeUnit.SECONDS);
            long took = System.nanoTime() - start;
            peer.close();
            if (i >= warmup) {
                latencies.add(took);
                shown = messages;
            }
        }
        return new Report("join", options.used)
                .put("joins", latencies.count())
                .put("history_messages", shown)
                .put("join_p50_ms", latencies.percentileMillis(50))
                .put("join_p99_ms", latencies.percentileMillis(99))
                .put("join_max_ms", latencies.percentileMillis(100));
    }
}
