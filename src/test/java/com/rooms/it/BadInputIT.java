package com.rooms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** Each bad frame costs its sender an error or its connection, and a second client in the room keeps receiving. */
class BadInputIT {

    private static void stillDelivers(RoomClient from, RoomClient to) {
        String marker = "still-" + System.nanoTime();
        from.send("{\"type\":\"greeting\",\"data\":\"" + marker + "\"}");
        to.next(f -> f.getString("type").equals("greeting") && marker.equals(f.getString("data", null)), marker);
    }

    @Test
    void nonJsonAndUnknownTypesAndBadFieldsAreErrorsAndTheSocketStays() {
        String room = TestServer.room("bad");
        try (RoomClient mallory = RoomClient.join(room, TestServer.user("mallory"));
             RoomClient bob = RoomClient.join(room, TestServer.user("bob"));
             RoomClient carol = RoomClient.join(room, TestServer.user("carol"))) {
            mallory.send("this is not json");
            mallory.error("bad-json");
            mallory.send("{\"id\":\"u\",\"type\":\"teleport\"}");
            assertEquals("u", mallory.error("unknown-type").getString("ref"));
            mallory.send("{\"type\":\"welcome\",\"data\":{}}");
            mallory.error("unknown-type");
            mallory.send("{\"data\":{}}");
            mallory.error("invalid");
            mallory.send("{\"type\":\"text\",\"data\":{\"text\":\"" + "x".repeat(4001) + "\"}}");
            mallory.error("invalid");
            mallory.send("{\"type\":\"text\",\"data\":{\"text\":\"\"}}");
            mallory.error("invalid");
            mallory.send("{\"type\":\"profile\",\"data\":{\"username\":\"" + "n".repeat(65) + "\"}}");
            mallory.error("invalid");
            mallory.send("{\"id\":\"" + "i".repeat(65) + "\",\"type\":\"ping\"}");
            JsonObject noRef = mallory.error("invalid");
            assertEquals(null, noRef.getString("ref", null));
            mallory.send("{\"type\":\"get-history\",\"data\":{\"limit\":201}}");
            mallory.error("invalid");
            mallory.send("{\"type\":\"pong\"}");
            mallory.error("invalid");
            mallory.send("{\"type\":\"offer\",\"receiver\":\"nobody-1\",\"data\":\"v=0\"}");
            mallory.error("no-such-client");
            stillDelivers(mallory, bob);
            stillDelivers(bob, carol);
        }
    }

    @Test
    void spoofedSenderAndIdentityInTextAreOverwritten() {
        String room = TestServer.room("spoof");
        try (RoomClient mallory = RoomClient.join(room, TestServer.user("mallory"));
             RoomClient bob = RoomClient.join(room, TestServer.user("bob"))) {
            mallory.send("{\"type\":\"text\",\"sender\":\"" + bob.clientId + "\",\"data\":{\"text\":\"hi\",\"from\":\"Bob\","
                    + "\"user_id\":\"" + bob.user + "\",\"message_id\":1}}");
            JsonObject text = bob.next("text");
            assertEquals(mallory.clientId, text.getString("sender"));
            assertEquals(mallory.user, text.getJsonObject("data").getString("user_id"));
            assertEquals(mallory.user, text.getJsonObject("data").getString("from"));
        }
    }

    @Test
    void frameOver64KiBClosesWith1009AndTheRoomGoesOn() {
        String room = TestServer.room("big");
        try (RoomClient mallory = RoomClient.join(room, TestServer.user("mallory"));
             RoomClient bob = RoomClient.join(room, TestServer.user("bob"));
             RoomClient carol = RoomClient.join(room, TestServer.user("carol"))) {
            String frame = "{\"type\":\"greeting\",\"data\":\"" + "x".repeat(65_536 - 28) + "\"}";
            assertEquals(65_537, frame.length());
            mallory.send(frame);
            assertEquals(1009, mallory.awaitClose());
            stillDelivers(bob, carol);
        }
    }

    @Test
    void exactly64KiBIsAccepted() {
        String room = TestServer.room("edge");
        try (RoomClient alice = RoomClient.join(room, TestServer.user("alice"));
             RoomClient bob = RoomClient.join(room, TestServer.user("bob"))) {
            String data = "y".repeat(65_536 - 29);
            String frame = "{\"type\":\"greeting\",\"data\":\"" + data + "\"}";
            assertEquals(65_536, frame.length());
            alice.send(frame);
            assertEquals(data, bob.next("greeting").getString("data"));
        }
    }

    @Test
    void fragmentsAddingUpToOver64KiBCloseWith1009() {
        String room = TestServer.room("frag");
        try (RoomClient mallory = RoomClient.join(room, TestServer.user("mallory"));
             RoomClient bob = RoomClient.join(room, TestServer.user("bob"))) {
            String piece = "z".repeat(40_000);
            mallory.socket.sendText("{\"type\":\"greeting\",\"data\":\"" + piece, false).orTimeout(10, TimeUnit.SECONDS).join();
            mallory.socket.sendText(piece, false).orTimeout(10, TimeUnit.SECONDS).join();
            mallory.socket.sendText("\"}", true).exceptionally(e -> null);
            assertEquals(1009, mallory.awaitClose());
            assertEquals("error", bob.next("left").getJsonObject("data").getString("reason"));
        }
    }

    @Test
    void binaryFrameClosesWith1003AndTheRoomGoesOn() {
        String room = TestServer.room("bin");
        try (RoomClient mallory = RoomClient.join(room, TestServer.user("mallory"));
             RoomClient bob = RoomClient.join(room, TestServer.user("bob"));
             RoomClient carol = RoomClient.join(room, TestServer.user("carol"))) {
            mallory.socket.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).orTimeout(10, TimeUnit.SECONDS).join();
            assertEquals(1003, mallory.awaitClose());
            stillDelivers(bob, carol);
        }
    }

    @Test
    void floodOverTheRateIsRateLimitedWhileOthersChat() {
        String room = TestServer.room("flood");
        try (RoomClient mallory = RoomClient.join(room, TestServer.user("mallory"));
             RoomClient bob = RoomClient.join(room, TestServer.user("bob"));
             RoomClient carol = RoomClient.join(room, TestServer.user("carol"))) {
            for (int i = 0; i < 80; i++) {
                mallory.send("{\"type\":\"ping\",\"data\":" + i + "}");
            }
            mallory.error("rate-limited");
            bob.say("unaffected");
            assertEquals("unaffected", carol.next("text").getJsonObject("data").getString("text"));
        }
    }

    @Test
    void floodForTenSecondsClosesWith1008() throws Exception {
        String room = TestServer.room("flood10");
        try (RoomClient mallory = RoomClient.join(room, TestServer.user("mallory"));
             RoomClient bob = RoomClient.join(room, TestServer.user("bob"))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!mallory.closeCode.isDone() && System.nanoTime() < deadline) {
                for (int i = 0; i < 30; i++) {
                    mallory.socket.sendText("{\"type\":\"ping\"}", true).exceptionally(e -> null).get(5, TimeUnit.SECONDS);
                }
                Thread.sleep(200);
            }
            assertEquals(1008, mallory.awaitClose());
            assertEquals("rate-limited", bob.next("left").getJsonObject("data").getString("reason"));
            stillDeliversToSelf(bob);
        }
    }

    private static void stillDeliversToSelf(RoomClient client) {
        client.send("{\"type\":\"ping\",\"data\":\"alive\"}");
        assertEquals("alive", client.next("pong").getString("data"));
    }
}
