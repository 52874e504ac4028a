package com.rooms.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/** What the hostile connections sent and met, counted by kind, close code, refusal and error code. Thread-safe. */
final class Outcomes {
    final Map<String, LongAdder> framesByKind = new ConcurrentSkipListMap<>();
    final Map<String, LongAdder> messagesByKind = new ConcurrentSkipListMap<>();
    final Map<Integer, LongAdder> closesByCode = new ConcurrentSkipListMap<>();
    /** The close codes that followed each kind of message, as "kind code". */
    final Map<String, LongAdder> closesAfterKind = new ConcurrentSkipListMap<>();
    /** Closes that came while the connection had sent nothing that asks for one, as "code after kind". */
    final Map<String, LongAdder> unprovoked = new ConcurrentSkipListMap<>();
    /** Messages the server must answer with a close, and did not within the wait. */
    final Map<String, LongAdder> unclosed = new ConcurrentSkipListMap<>();
    /** The first bytes of a few messages behind each unclosed or unprovoked count, in hex: to reproduce them by hand. */
    final Map<String, List<String>> samples = new ConcurrentSkipListMap<>();
    final Map<String, LongAdder> refusals = new ConcurrentSkipListMap<>();
    final Map<String, LongAdder> errorCodes = new ConcurrentSkipListMap<>();
    final LongAdder opened = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder frames = new LongAdder();

    void sent(Mutator.Message message) {
        count(framesByKind, message.kind(), message.frames());
        count(messagesByKind, message.kind(), 1);
        frames.add(message.frames());
    }

    void closed(int code, String afterKind, boolean provoked, Mutator.Message last, String history) {
        count(closesByCode, code, 1);
        count(closesAfterKind, afterKind + " " + code, 1);
        if (!provoked) {
            count(unprovoked, code + " after " + afterKind, 1);
            sample("close " + code + " after " + afterKind, last, history);
        }
    }

    void unclosed(Mutator.Message message, String history) {
        count(unclosed, message.kind(), 1);
        sample("no close after " + message.kind(), message, history);
    }

    private void sample(String what, Mutator.Message message, String history) {
        if (message == null) {
            return;
        }
        List<String> list = samples.computeIfAbsent(what, k -> new CopyOnWriteArrayList<>());
        if (list.size() < 3) {
            StringBuilder hex = new StringBuilder();
            for (byte[] write : message.writes()) {
                for (int i = 0; i < write.length && hex.length() < 160; i++) {
                    hex.append(String.format("%02x", write[i]));
                }
                hex.append(' ');
            }
            list.add(hex.toString().trim() + "\n    after: " + history);
        }
    }

    void refused(String why) {
        count(refusals, why, 1);
    }

    void error(String code) {
        count(errorCodes, code, 1);
    }

    static long total(Map<?, LongAdder> counts) {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    void print(PrintStream out) {
        out.println("hostile frames by kind (messages):");
        framesByKind.forEach((kind, n) -> out.printf("  %-22s %10d  (%d)%n", kind, n.sum(),
                messagesByKind.get(kind).sum()));
        out.println("close codes after each kind:");
        closesAfterKind.forEach((kindCode, n) -> out.printf("  %-27s %8d%n", kindCode, n.sum()));
        print(out, "server error frames by code:", errorCodes);
        print(out, "handshakes refused:", refusals);
        print(out, "closes not asked for:", unprovoked);
        print(out, "frames that must close the connection and did not:", unclosed);
        samples.forEach((what, list) -> list.forEach(hex -> out.println("  sample, " + what + ": " + hex)));
    }

    private static void print(PrintStream out, String title, Map<String, LongAdder> counts) {
        if (!counts.isEmpty()) {
            out.println(title);
            counts.forEach((what, n) -> out.printf("  %-40s %8d%n", what, n.sum()));
        }
    }

    private static <K> void count(Map<K, LongAdder> counts, K key, long n) {
        counts.computeIfAbsent(key, k -> new LongAdder()).add(n);
    }
}
