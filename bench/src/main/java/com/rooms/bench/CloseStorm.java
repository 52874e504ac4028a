package com.rooms.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;

/**
 * Everyone closes at once, as after a network blip or when a site's clients
 * all reload: a short relay run ({@code rooms} only) for the rate before;
 * {@code --connections} (10,000) room connections, {@code --per-room} (10) to
 * a room, opened like {@code connections} does and held {@code --settle} (5)
 * seconds; then every connection sends its close frame at once, and the
 * server's threads and open descriptors are read from {@code /api/bench/heap}
 * every 100 ms for {@code --watch} (30) seconds or until the connections'
 * descriptors are back; then the same relay run again.
 *
 * <p>Figures: the server's threads idle (before the crowd) and at their
 * highest during the storm, the seconds until the descriptors the crowd held
 * were given back (the count while held, less one per connection, plus
 * {@code --slack} (20): what the server opened meanwhile for itself, such as
 * database connections, is not counted against it), how many
 * closes the server completed (its close frame answered, waited for up to
 * 5 s after the descriptors are back), and the relay
 * rates before and after. Problems (exit 1): threads more than
 * {@code --max-threads} (200) above idle, descriptors not back within
 * {@code --max-seconds} (10), or the relay after below
 * {@code --min-relay-percent} (80) of the rate before.
 */
final class CloseStorm {
    private final Options options;

    CloseStorm(Options options) {
        this.options = options;
    }

    Report run() throws Exception {
        String base = options.string("base", "http://localhost:9080");
        Server server = new Server(base);
        int count = options.integer("connections", 10_000);
        int perRoom = options.integer("per-room", 10);
        int settle = options.integer("settle", 5);
        int watch = options.integer("watch", 30);
        int slack = options.integer("slack", 20);
        int maxThreads = options.integer("max-threads", 200);
        int maxSeconds = options.integer("max-seconds", 10);
        int minRelayPercent = options.integer("min-relay-percent", 80);
        String relaySeconds = options.string("relay-seconds", "5");

        double relayBefore = relay(base, relaySeconds);
        JsonObject idle = server.probe(true);
        int idleThreads = idle.getInt("threads");
        long idleDescriptors = idle.getJsonNumber("open_descriptors").longValue();

        Report report = new Report("close-storm", options.used);
        try (Loop loop = new Loop("close-storm-io")) {
            Crowd crowd = Crowd.open(loop, server, Server.unique("storm"), count, perRoom,
                    options.integer("concurrency", 200), options.integer("per-address", 20_000));
            Thread.sleep(TimeUnit.SECONDS.toMillis(settle));
            JsonObject held = server.probe(false);
            List<Member> members = crowd.members;
            long heldDescriptors = held.getJsonNumber("open_descriptors").longValue();
            long backLevel = heldDescriptors - members.size() + slack;
            long lastDescriptors = heldDescriptors;

            long start = System.nanoTime();
            members.forEach(m -> m.wire.close());
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            int peakThreads = held.getInt("threads");
            double backSeconds = Double.NaN;
            long deadline = start + TimeUnit.SECONDS.toNanos(watch);
            while (System.nanoTime() < deadline) {
                JsonObject now = server.probe(false);
                peakThreads = Math.max(peakThreads, now.getInt("threads"));
                lastDescriptors = now.getJsonNumber("open_descriptors").longValue();
                if (lastDescriptors <= backLevel) {
                    backSeconds = (System.nanoTime() - start) / 1e9;
                    break;
                }
                Thread.sleep(100);
            }
            long settled = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (members.stream().anyMatch(m -> m.wire.isOpen()) && System.nanoTime() < settled) {
                Thread.sleep(50);
            }
            long answered = members.stream().filter(m -> !m.wire.isOpen() && m.closeCode == 1000).count();
            members.forEach(m -> m.wire.abort());
            Thread.sleep(1000);
            double relayAfter = relay(base, relaySeconds);

            report.put("connected", members.size())
                    .put("failed", crowd.failed)
                    .put("connect_all_s", crowd.connectSeconds)
                    .put("threads_idle", idleThreads)
                    .put("threads_held", held.getInt("threads"))
                    .put("threads_peak", peakThreads)
                    .put("threads_peak_over_idle", peakThreads - idleThreads)
                    .put("descriptors_idle", idleDescriptors)
                    .put("descriptors_held", heldDescriptors)
                    .put("descriptors_after", lastDescriptors)
                    .put("closes_sent_in_s", sendSeconds)
                    .put("descriptors_back_s", backSeconds)
                    .put("closes_answered", answered)
                    .put("relay_before_frames_per_s", relayBefore)
                    .put("relay_after_frames_per_s", relayAfter);
            int problems = 0;
            if (peakThreads - idleThreads > maxThreads) {
                problems++;
                System.out.println("PROBLEM: threads rose " + (peakThreads - idleThreads) + " above idle");
            }
            if (!(backSeconds <= maxSeconds)) {
                problems++;
                System.out.println("PROBLEM: descriptors not back within " + maxSeconds + " s");
            }
            if (relayAfter < relayBefore * minRelayPercent / 100.0) {
                problems++;
                System.out.println("PROBLEM: relay after the storm at " + Math.round(100 * relayAfter / relayBefore)
                        + " % of before");
            }
            if (crowd.failed > 0 || answered < members.size()) {
                problems++;
                String codes = members.stream().filter(m -> m.closeCode != 1000)
                        .map(m -> m.wire.isOpen() ? "open" : Integer.toString(m.closeCode)).distinct()
                        .collect(java.util.stream.Collectors.joining(", "));
                System.out.println("PROBLEM: " + crowd.failed + " failed to connect, " + (members.size() - answered)
                        + " closes not answered with 1000 (" + codes + ")"
                        + (crowd.firstFailure == null ? "" : "; first: " + crowd.firstFailure));
            }
            report.put("problems", problems);
        }
        return report;
    }

    private static double relay(String base, String seconds) throws Exception {
        Report relay = new Relay(new Options(Map.of("base", base, "against", "rooms", "pairs", "50",
                "warmup", "2", "seconds", seconds, "rate", "500"))).run();
        return relay.figures.get("rooms_saturation_frames_per_s").doubleValue();
    }
}
