package com.rooms.bench;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * One of the two honest clients of the fuzz: in the shared room, it sends
 * numbered chat ({@code text}) and numbered signaling to its peer
 * ({@code offer} or {@code answer} every tenth frame, {@code candidate} in
 * between), and checks what arrives from its peer and itself: every honest
 * message exactly once and in the order sent, chat and signaling each in
 * their own order (docs/decisions.md: a relayed frame may overtake a chat
 * message still being stored). Anything else the room carries, the hostile
 * connections' frames, is read and ignored; an {@code error} frame, or the
 * connection's end, counts against the run.
 */
final class HonestClient {
    private static final String SDP = "v=0\\r\\no=- 1 2 IN IP4 127.0.0.1\\r\\ns=-\\r\\nt=0 0\\r\\n"
            + "m=video 9 UDP/TLS/RTP/SAVPF 96\\r\\na=rtpmap:96 VP8/90000\\r\\na=mid:0\\r\\n";

    /** What arrived of one numbered stream from one sender. */
    static final class Stream {
        long expected;
        long delivered;
        long missing;
        long duplicatesOrReordered;

        void arrived(long seq) {
            if (seq == expected) {
                delivered++;
                expected++;
            } else if (seq > expected) {
                missing += seq - expected;
                delivered++;
                expected = seq + 1;
            } else {
                duplicatesOrReordered++;
            }
        }
    }

    final String name;
    final Member member;
    final boolean offerer;
    private HonestClient peer;
    final AtomicLong textsSent = new AtomicLong();
    final AtomicLong signalsSent = new AtomicLong();
    final Stream ownTexts = new Stream();
    final Stream peerTexts = new Stream();
    final Stream peerSignals = new Stream();
    final Latencies chatLatency;
    final Latencies signalLatency;
    volatile long errors;
    volatile String firstError;
    volatile long foreignFrames;
    /**
     * Frames this client's JSON reader (Parsson) gave up on: hostile data
     * relayed as written, such as a number of thousands of digits. An honest
     * frame lost this way would show as missing.
     */
    volatile long unreadable;

    HonestClient(String name, Member member, boolean offerer, Latencies chatLatency, Latencies signalLatency) {
        this.name = name;
        this.member = member;
        this.offerer = offerer;
        this.chatLatency = chatLatency;
        this.signalLatency = signalLatency;
    }

    /** Makes the two peers of each other; from now on each checks what arrives. */
    static void pair(HonestClient a, HonestClient b) {
        a.peer = b;
        b.peer = a;
        a.member.frames = a::arrived;
        b.member.frames = b::arrived;
    }

    /** Tick {@code n}: a signaling frame to the peer, and every fifth tick a chat message. */
    void tick(long n) {
        long seq = signalsSent.get();
        String type = seq % 10 == 0 ? (offerer ? "offer" : "answer") : "candidate";
        String data = type.equals("candidate")
                ? "{\"candidate\":\"candidate:1 1 udp 2122260223 10.0.0.1 " + (50000 + seq % 10000)
                    + " typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"seq\":" + seq + ",\"t\":" + System.nanoTime() + "}"
                : "{\"type\":\"" + type + "\",\"sdp\":\"" + SDP + "\",\"seq\":" + seq + ",\"t\":" + System.nanoTime() + "}";
        member.wire.send("{\"type\":\"" + type + "\",\"receiver\":\"" + peer.member.clientId + "\",\"data\":" + data + "}");
        signalsSent.incrementAndGet();
        if (n % 5 == 0) {
            long text = textsSent.get();
            member.wire.send("{\"id\":\"" + name + "-" + text + "\",\"type\":\"text\",\"data\":{\"text\":\"honest " + text
                    + " " + System.nanoTime() + "\"}}");
            textsSent.incrementAndGet();
        }
    }

    boolean open() {
        return member.wire.isOpen() && member.closeCode == 0;
    }

    /** Everything the peer and this client sent has arrived here. */
    synchronized boolean caughtUp() {
        return peerSignals.expected >= peer.signalsSent.get() && ownTexts.expected >= textsSent.get()
                && peerTexts.expected >= peer.textsSent.get();
    }

    private synchronized void arrived(Wire wire, ByteBuffer payload, long now) {
        JsonObject frame;
        try {
            frame = Json.createReader(new StringReader(StandardCharsets.UTF_8.decode(payload).toString())).readObject();
        } catch (RuntimeException e) {
            // JsonException for syntax; Parsson's depth and number limits throw plain runtime exceptions
            unreadable++;
            return;
        }
        String type = frame.getString("type", "");
        String sender = frame.getString("sender", "");
        if (type.equals("error")) {
            if (errors++ == 0) {
                firstError = frame.toString();
            }
            return;
        }
        boolean fromPeer = sender.equals(peer.member.clientId);
        boolean fromSelf = sender.equals(member.clientId);
        if (fromPeer && (type.equals("offer") || type.equals("answer") || type.equals("candidate"))) {
            JsonObject data = frame.getJsonObject("data");
            peerSignals.arrived(data.getJsonNumber("seq").longValue());
            signalLatency.add(now - data.getJsonNumber("t").longValue());
        } else if ((fromPeer || fromSelf) && type.equals("text")) {
            JsonValue data = frame.get("data");
            String[] words = data.asJsonObject().getString("text").split(" ");
            (fromSelf ? ownTexts : peerTexts).arrived(Long.parseLong(words[1]));
            chatLatency.add(now - Long.parseLong(words[2]));
        } else {
            foreignFrames++;
        }
    }
}
