package com.rooms.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every scenario once, tiny and short (about half a minute in all), against a
 * server in benchmark mode: proves the load generator and the server's
 * benchmark mode still work together. Fails (exit 1) when a scenario lost a
 * frame, met an error, or measured nothing. No figure here means anything.
 */
final class Smoke {
    private final Options options;

    Smoke(Options options) {
        this.options = options;
    }

    Report run() throws Exception {
        String base = options.string("base", "http://localhost:9080");
        List<String> problems = new ArrayList<>();
        Report relay = new Relay(new Options(Map.of("base", base, "pairs", "2", "warmup", "1", "seconds", "2",
                "rate", "200"))).run();
        relay.print(System.out);
        for (String target : List.of("bare", "rooms")) {
            expectPositive(problems, relay, target + "_saturation_frames_per_s");
            expectPositive(problems, relay, target + "_fixed_rate_sent");
            expectEqual(problems, relay, target + "_fixed_rate_delivered", target + "_fixed_rate_sent");
            expectZero(problems, relay, target + "_errors");
        }
        Report fanout = new Fanout(new Options(Map.of("base", base, "clients", "5", "rate", "10", "senders", "5",
                "warmup", "1", "seconds", "3"))).run();
        fanout.print(System.out);
        expectPositive(problems, fanout, "messages_sent");
        expectEqual(problems, fanout, "deliveries", "deliveries_expected");
        expectZero(problems, fanout, "errors");
        Report connections = new Connections(new Options(Map.of("base", base, "connections", "40", "per-room", "5",
                "idle", "2", "settle", "1"))).run();
        connections.print(System.out);
        expectZero(problems, connections, "failed");
        expectPositive(problems, connections, "connected");
        expectEqual(problems, connections, "still_open_after_idle", "connected");
        Report join = new Join(new Options(Map.of("base", base, "history", "5", "joins", "10", "warmup", "2"))).run();
        join.print(System.out);
        expectPositive(problems, join, "joins");
        Report storm = new CloseStorm(new Options(Map.of("base", base, "connections", "300", "settle", "1",
                "relay-seconds", "2", "min-relay-percent", "50"))).run();
        storm.print(System.out);
        expectZero(problems, storm, "problems");
        Report resumes = new ResumeStorm(new Options(Map.of("base", base, "connections", "100", "settle", "1")))
                .run();
        resumes.print(System.out);
        expectZero(problems, resumes, "problems");

        Report smoke = new Report("smoke", options.used).put("problems", problems.size());
        problems.forEach(p -> System.out.println("PROBLEM: " + p));
        return smoke;
    }

    private static void expectPositive(List<String> problems, Report report, String figure) {
        Number value = report.figures.get(figure);
        if (value == null || !(value.doubleValue() > 0)) {
            problems.add(report.scenario + ": " + figure + " is " + value + ", expected more than 0");
        }
    }

    private static void expectZero(List<String> problems, Report report, String figure) {
        Number value = report.figures.get(figure);
        if (value == null || value.doubleValue() != 0) {
            problems.add(report.scenario + ": " + figure + " is " + value + ", expected 0");
        }
    }

    private static void expectEqual(List<String> problems, Report report, String figure, String other) {
        Number a = report.figures.get(figure);
        Number b = report.figures.get(other);
        if (a == null || b == null || a.longValue() != b.longValue()) {
            problems.add(report.scenario + ": " + figure + " is " + a + " but " + other + " is " + b);
        }
    }
}
