package com.rooms.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import jakarta.json.JsonObject;

/** Two honest clients in a room under attack: they must still send and receive, in order, and see no errors. */
final class Bystanders implements AutoCloseable {
    final Peer a;
    final Peer b;

    Bystanders(String room) {
        a = Peer.join(room, Wire.user("honest-a"));
        b = Peer.join(room, Wire.user("honest-b"));
    }

    /** Sends {@code rounds} texts from the first honest client, running one hostile step after each, then checks. */
    void interleave(int rounds, IntConsumer hostileStep) {
        String tag = Wire.unique("hon");
        for (int i = 0; i < rounds; i++) {
            a.send("{\"id\":\"" + tag + "-" + i + "\",\"type\":\"text\",\"data\":{\"text\":\"" + tag + " " + i + "\"}}");
            hostileStep.accept(i);
        }
        expectTexts(tag, rounds);
        assertStillWorking();
    }

    /** Both honest clients still exchange texts and relayed frames in order, and never got an error. */
    void assertStillWorking() {
        String tag = Wire.unique("after");
        for (int i = 0; i < 3; i++) {
            a.send("{\"id\":\"" + tag + "-" + i + "\",\"type\":\"text\",\"data\":{\"text\":\"" + tag + " " + i + "\"}}");
        }
        expectTexts(tag, 3);
        b.send("{\"type\":\"greeting\",\"receiver\":\"" + a.clientId + "\",\"data\":\"" + tag + "\"}");
        JsonObject greeting = a.next(f -> "greeting".equals(f.getString("type", null)) && f.get("data").toString().contains(tag),
                "greeting " + tag);
        assertEquals(b.clientId, greeting.getString("sender"));
        JsonObject back = b.say("reply " + tag);
        JsonObject atA = a.text("reply " + tag);
        assertEquals(back.getJsonNumber("message_id"), atA.getJsonObject("data").getJsonNumber("message_id"));
        for (Peer p : List.of(a, b)) {
            assertTrue(p.logged("error").isEmpty(), "an honest client got an error: " + p.logged("error"));
            assertFalse(p.isClosed(), "an honest client was closed");
        }
    }

    private void expectTexts(String tag, int n) {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            expected.add(tag + " " + i);
        }
        List<String> atB = new ArrayList<>();
        long last = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            JsonObject frame = b.next(f -> "text".equals(f.getString("type", null))
                    && f.getJsonObject("data").getString("text", "").startsWith(tag + " "), "honest text " + i);
            long id = frame.getJsonObject("data").getJsonNumber("message_id").longValueExact();
            assertTrue(id > last, "message ids grow");
            last = id;
            atB.add(frame.getJsonObject("data").getString("text"));
            assertEquals(a.clientId, frame.getString("sender"));
        }
        assertEquals(expected, atB, "the other honest client got every text, in order");
        for (int i = 0; i < n; i++) {
            a.reply(tag + "-" + i, "text");
        }
    }

    @Override
    public void close() {
        a.close();
        b.close();
    }
}
