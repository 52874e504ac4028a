package com.rooms.bench;

import java.util.List;
import java.util.Random;

/**
 * Well-formed frames of every type a client may send (PROTOCOL.md 3), the
 * material the {@link Mutator} spoils. Receivers and kick targets are drawn
 * from the client ids of the run, so directed frames reach real connections,
 * the honest ones included.
 */
final class Specimens {
    private static final String SDP = "v=0\\r\\no=- 4611731400430051336 2 IN IP4 127.0.0.1\\r\\ns=-\\r\\nt=0 0\\r\\n"
            + "a=group:BUNDLE 0\\r\\nm=audio 9 UDP/TLS/RTP/SAVPF 111\\r\\nc=IN IP4 0.0.0.0\\r\\na=mid:0\\r\\n";
    private static final String CANDIDATE = "candidate:842163049 1 udp 1677729535 192.0.2.10 54321 typ srflx"
            + " raddr 10.0.0.5 rport 54321 generation 0";

    private final Random random;

    Specimens(Random random) {
        this.random = random;
    }

    /** One frame, as JSON text. */
    String any(List<String> ids) {
        String receiver = ids.isEmpty() ? "nobody" : ids.get(random.nextInt(ids.size()));
        String id = random.nextInt(3) == 0 ? "" : "\"id\":\"f-" + random.nextInt(1_000_000) + "\",";
        return switch (random.nextInt(17)) {
            case 0 -> "{" + id + "\"type\":\"text\",\"data\":{\"text\":\"fuzz " + random.nextInt() + "\"}}";
            case 1 -> "{" + id + "\"type\":\"text\",\"receiver\":\"" + receiver + "\",\"data\":{\"text\":\"psst\"}}";
            case 2 -> "{" + id + "\"type\":\"ping\",\"data\":{\"n\":" + random.nextInt() + "}}";
            case 3 -> "{" + id + "\"type\":\"ping\",\"receiver\":\"" + receiver + "\",\"data\":[1,2,3]}";
            case 4 -> "{" + id + "\"type\":\"pong\",\"receiver\":\"" + receiver + "\",\"data\":null}";
            case 5 -> "{" + id + "\"type\":\"profile\",\"data\":{\"username\":\"fuzzer " + random.nextInt(1000) + "\"}}";
            case 6 -> "{" + id + "\"type\":\"get-room-info\"}";
            case 7 -> "{" + id + "\"type\":\"get-ice-servers\"}";
            case 8 -> "{" + id + "\"type\":\"get-history\",\"data\":{\"before\":" + random.nextInt(100_000)
                    + ",\"limit\":" + (1 + random.nextInt(200)) + "}}";
            case 9 -> "{" + id + "\"type\":\"offer\",\"receiver\":\"" + receiver + "\",\"data\":{\"type\":\"offer\",\"sdp\":\""
                    + SDP + "\"}}";
            case 10 -> "{" + id + "\"type\":\"answer\",\"receiver\":\"" + receiver + "\",\"data\":\"" + SDP + "\"}";
            case 11 -> "{" + id + "\"type\":\"candidate\",\"receiver\":\"" + receiver + "\",\"data\":{\"candidate\":\""
                    + CANDIDATE + "\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}}";
            case 12 -> "{" + id + "\"type\":\"greeting\",\"data\":{\"hello\":\"everyone\"}}";
            case 13 -> "{" + id + "\"type\":\"bye\",\"receiver\":\"" + receiver + "\",\"data\":{\"reason\":\"fuzz\"}}";
            case 14 -> "{" + id + "\"type\":\"kick\",\"data\":{\"id\":\"" + receiver + "\"}}";
            case 15 -> "{" + id + "\"type\":\"clear-chat\"}";
            default -> "{" + id + "\"type\":\"refresh\",\"data\":{\"token\":\"eyJhbGciOiJub25lIn0.e30.\"}}";
        };
    }
}
