package com.rooms.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Benchmark, not a test: the time from opening the room link (a portal's
 * {@code #token=} link, so no form) to the first decoded frame of the other
 * person's video, in real Chromium, for the second person in a room; the
 * first is already in it. {@code --runs} (20) rooms for each path: direct,
 * and relay-only ICE through a real coturn over UDP and over TLS
 * ({@code ?relay=}). Prints p50 and p95 per path.
 *
 * <p>Against a server in the dev configuration whose TURN settings name the
 * relay this program starts on loopback (see docs/performance.md).
 */
public final class FirstFrame {
    private FirstFrame() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length >= 2 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 20;
        String base = Browser.BASE;
        try (TurnServer turn = TurnServer.start()) {
            for (String path : new String[] {"direct", "udp", "tls"}) {
                List<Double> millis = new ArrayList<>();
                for (int i = 0; i < runs + 1; i++) {
                    String room = "first-frame-" + UUID.randomUUID().toString().substring(0, 8)
                            + (path.equals("direct") ? "" : "?relay=" + path);
                    try (Browser first = Browser.trusting(turn.spki); Browser second = Browser.trusting(turn.spki)) {
                        first.joinByLink(base, room, token(base, "first"));
                        double took = second.millisToFirstRemoteFrame(base, room, token(base, "second"));
                        if (i > 0) {
                            millis.add(took);
                        }
                    }
                }
                Collections.sort(millis);
                System.out.printf("%-7s runs %d  p50 %.0f ms  p95 %.0f ms  min %.0f ms  max %.0f ms%n", path,
                        millis.size(), percentile(millis, 50), percentile(millis, 95), millis.get(0),
                        millis.get(millis.size() - 1));
            }
        }
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100 * sorted.size()) - 1));
    }

    private static String token(String base, String user) throws Exception {
        String body = "{\"user\":\"" + user + "-" + UUID.randomUUID().toString().substring(0, 6) + "\",\"ttl\":600}";
        String answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/dev/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return answer.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }
}
