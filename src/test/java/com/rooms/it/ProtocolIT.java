package com.rooms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** The protocol's rows (PROTOCOL.md sections 3 to 6) against the running server. */
class ProtocolIT {

    @Test
    void firstJoinerOwnsTheNewRoomAndTheSecondIsAnnounced() {
        String room = TestServer.room("join");
        try (RoomClient alice = RoomClient.join(room, TestServer.user("alice"));
             RoomClient bob = RoomClient.join(room, TestServer.user("bob"))) {
            JsonObject joined = alice.next("joined").getJsonObject("data");
            assertEquals(bob.clientId, joined.getString("id"));
            assertEquals(bob.user, joined.getString("user_id"));
            assertEquals("member", joined.getString("role"));
            alice.send("{\"id\":\"i\",\"type\":\"get-room-info\"}");
            JsonObject info = alice.next("room-info");
            assertEquals("i", info.getString("ref"));
            JsonArray clients = info.getJsonObject("data").getJsonArray("clients");
            assertEquals(2, clients.size());
            assertTrue(clients.stream().anyMatch(c -> c.asJsonObject().getString("role").equals("owner")
                    && c.asJsonObject().getString("user_id").equals(alice.user)));
        }
    }

    @Test
    void leavingIsAnnouncedToTheRoom() {
        String room = TestServer.room("left");
        try (RoomClient alice = RoomClient.join(room, TestServer.user("alice"))) {
            RoomClient bob = RoomClient.join(room, TestServer.user("bob"));
            alice.next("joined");
            bob.close();
            JsonObject left = alice.next("left").getJsonObject("data");
            assertEquals(bob.clientId, left.getString("id"));
            assertEquals("closed", left.getString("reason"));
        }
    }

    @Test
    void chatIsStoredThenDeliveredToEveryoneAndReplayedToLaterJoiners() {
        String room = TestServer.room("chat");
        try (RoomClient alice = RoomClient.join(room, TestServer.user("alice"));
             RoomClient bob = RoomClient.join(room, TestServer.user("bob"))) {
            JsonObject own = alice.say("<img src=x onerror=alert(1)> hello");
            JsonObject atBob = bob.next("text").getJsonObject("data");
            assertEquals(own, atBob);
            assertEquals("<img src=x onerror=alert(1)> hello", atBob.getString("text"));
            assertEquals(alice.user, atBob.getString("from"));
            assertTrue(Instant.parse(atBob.getString("time")).isBefore(Instant.now().plusSeconds(5)));
            try (RoomClient carol = RoomClient.join(room, TestServer.user("carol"))) {
                carol.send("{\"type\":\"get-history\",\"data\":{\"limit\":10}}");
                JsonArray messages = carol.next("history").getJsonObject("data").getJsonArray("messages");
                assertEquals(own.getJsonNumber("message_id"), messages.getJsonObject(0).getJsonNumber("message_id"));
            }
        }
    }

    @Test
    void privateTextReachesOnlyItsReceiver() throws Exception {
        String room = TestServer.room("priv");
        try (RoomClient alice = RoomClient.join(room, TestServer.user("alice"));
             RoomClient bob = RoomClient.join(room, TestServer.user("bob"));
             RoomClient carol = RoomClient.join(room, TestServer.user("carol"))) {
            alice.send("{\"type\":\"text\",\"receiver\":\"" + bob.clientId + "\",\"data\":{\"text\":\"psst\"}}");
            JsonObject atBob = bob.next("text");
            assertTrue(atBob.getJsonObject("data").getBoolean("private"));
            assertEquals(bob.user, atBob.getJsonObject("data").getString("to"));
            alice.next("text");
            assertFalse(carol.untilPong().stream().anyMatch(f -> f.getString("type").equals("text")));
        }
    }

    @Test
    void signalingIsRelayedToItsReceiverInOrderWithTheServersSender() {
        String room = TestServer.room("relay");
        try (RoomClient alice = RoomClient.join(room, TestServer.user("alice"));
             RoomClient bob = RoomClient.join(room, TestServer.user("bob"))) {
            alice.send("{\"id\":\"o\",\"type\":\"offer\",\"sender\":\"server\",\"receiver\":\"" + bob.clientId
                    + "\",\"data\":{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"}}");
            for (int i = 0; i < 20; i++) {
                alice.send("{\"id\":\"c" + i + "\",\"type\":\"candidate\",\"receiver\":\"" + bob.clientId
                        + "\",\"data\":{\"candidate\":\"candidate:" + i + "\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}}");
            }
            JsonObject offer = bob.next("offer");
            assertEquals(alice.clientId, offer.getString("sender"));
            assertEquals("v=0\r\n", offer.getJsonObject("data").getString("sdp"));
            for (int i = 0; i < 20; i++) {
                assertEquals("c" + i, bob.next("candidate").getString("id"));
            }
            bob.send("{\"type\":\"answer\",\"receiver\":\"" + alice.clientId + "\",\"data\":\"v=0\"}");
            assertEquals("v=0", alice.next("answer").getString("data"));
            bob.send("{\"type\":\"bye\",\"data\":{\"reason\":\"hangup\"}}");
            assertEquals(bob.clientId, alice.next("bye").getString("sender"));
        }
    }

    @Test
    void pingIsAnsweredAndDirectedPingIsRelayed() {
        String room = TestServer.room("ping");
        try (RoomClient alice = RoomClient.join(room, TestServer.user("alice"));
             RoomClient bob = RoomClient.join(room, TestServer.user("bob"))) {
            alice.send("{\"id\":\"p1\",\"type\":\"ping\",\"data\":{\"n\":1}}");
            JsonObject pong = alice.next("pong");
            assertEquals("p1", pong.getString("ref"));
            assertEquals(1, pong.getJsonObject("data").getInt("n"));
            alice.send("{\"type\":\"ping\",\"receiver\":\"" + bob.clientId + "\",\"data\":7}");
            assertEquals(alice.clientId, bob.next("ping").getString("sender"));
            bob.send("{\"type\":\"pong\",\"receiver\":\"" + alice.clientId + "\",\"data\":7}");
            assertEquals(bob.clientId, alice.next("pong").getString("sender"));
        }
    }

    @Test
    void iceServersCarryTurnRestCredentialsAndAreRefreshedUnasked() throws Exception {
        String room = TestServer.room("ice");
        try (RoomClient alice = RoomClient.join(room, TestServer.user("alice"))) {
            alice.send("{\"id\":\"g\",\"type\":\"get-ice-servers\"}");
            JsonObject ice = alice.next("ice-servers");
            assertEquals("g", ice.getString("ref"));
            JsonArray servers = ice.getJsonArray("data");
            assertEquals("stun:stun.rooms.test:3478", servers.getJsonObject(0).getJsonArray("urls").getString(0));
            JsonObject turn = servers.getJsonObject(1);
            String username = turn.getString("username");
            long expiry = Long.parseLong(username.substring(0, username.indexOf(':')));
            assertEquals(alice.user, username.substring(username.indexOf(':') + 1));
            assertTrue(Math.abs(expiry - Instant.now().getEpochSecond() - 95) < 10, "lifetime as configured");
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec("integration-test-turn-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            assertEquals(Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8))),
                    turn.getString("credential"));

            JsonObject pushed = alice.next("ice-servers");
            assertFalse(pushed.containsKey("ref"), "sent unasked");
            String fresh = pushed.getJsonArray("data").getJsonObject(1).getString("username");
            long freshExpiry = Long.parseLong(fresh.substring(0, fresh.indexOf(':')));
            assertTrue(freshExpiry > expiry);
            assertTrue(expiry - Instant.now().getEpochSecond() >= 60, "pushed at least 60 s before the old ones expire");
        }
    }

    @Test
    void profileChangeReachesTheRoom() {
        String room = TestServer.room("prof");
        try (RoomClient alice = RoomClient.join(room, TestServer.user("alice"));
             RoomClient bob = RoomClient.join(room, TestServer.user("bob"))) {
            bob.send("{\"id\":\"n\",\"type\":\"profile\",\"data\":{\"username\":\"Bob B.\"}}");
            JsonObject change = alice.next("profile");
            assertEquals(bob.clientId, change.getJsonObject("data").getString("id"));
            assertEquals("Bob B.", change.getJsonObject("data").getString("username"));
            assertEquals("n", bob.next("profile").getString("ref"));
        }
    }

    @Test
    void refreshExtendsAndAnotherUsersTokenIsRefused() {
        String room = TestServer.room("refresh");
        String user = TestServer.user("alice");
        try (RoomClient alice = RoomClient.join(room, user, TestServer.token(user, "[]", 60))) {
            alice.send("{\"type\":\"refresh\",\"data\":{\"token\":\"" + TestServer.token(TestServer.user("eve")) + "\"}}");
            alice.error("unauthorized");
            alice.send("{\"id\":\"r\",\"type\":\"refresh\",\"data\":{\"token\":\"" + TestServer.token(user, "[]", 7200) + "\"}}");
            JsonObject welcome = alice.next("welcome");
            assertEquals("r", welcome.getString("ref"));
            Instant expires = Instant.parse(welcome.getJsonObject("data").getString("expires_at"));
            assertTrue(expires.isAfter(Instant.now().plusSeconds(7000)));
        }
    }

    @Test
    void expiredCredentialsGetByeAndClose4001() {
        String room = TestServer.room("exp");
        String user = TestServer.user("short");
        try (RoomClient watcher = RoomClient.join(room, TestServer.user("watch"));
             RoomClient brief = RoomClient.join(room, user, TestServer.token(user, "[]", 10))) {
            assertEquals("expired", brief.next("bye").getJsonObject("data").getString("reason"));
            assertEquals(4001, brief.awaitClose());
            assertEquals("expired", watcher.next("left").getJsonObject("data").getString("reason"));
        }
    }

    @Test
    void ownerKicksAMemberWhoGetsByeAnd4003() {
        String room = TestServer.room("kick");
        try (RoomClient owner = RoomClient.join(room, TestServer.user("owner"));
             RoomClient member = RoomClient.join(room, TestServer.user("member"))) {
            member.send("{\"id\":\"k\",\"type\":\"kick\",\"data\":{\"id\":\"" + owner.clientId + "\"}}");
            assertEquals("k", member.error("forbidden").getString("ref"));
            owner.send("{\"type\":\"kick\",\"data\":{\"user_id\":\"" + member.user + "\"}}");
            assertEquals("kicked", member.next("bye").getJsonObject("data").getString("reason"));
            assertEquals(4003, member.awaitClose());
            assertEquals("kicked", owner.next("left").getJsonObject("data").getString("reason"));
            owner.send("{\"type\":\"kick\",\"data\":{\"id\":\"gone-1\"}}");
            owner.error("no-such-client");
        }
    }

    @Test
    void clearChatByTheOwnerEmptiesHistoryForEveryone() {
        String room = TestServer.room("clear");
        try (RoomClient owner = RoomClient.join(room, TestServer.user("owner"));
             RoomClient member = RoomClient.join(room, TestServer.user("member"))) {
            member.say("to be cleared");
            member.send("{\"type\":\"clear-chat\"}");
            member.error("forbidden");
            owner.send("{\"type\":\"clear-chat\"}");
            assertEquals(owner.clientId, member.next("clear-chat").getString("sender"));
            member.send("{\"type\":\"get-history\"}");
            assertEquals(List.of(), member.next("history").getJsonObject("data").getJsonArray("messages"));
        }
    }

    @Test
    void adminActsAsOwnerInAnyRoom() {
        String room = TestServer.room("admin");
        try (RoomClient first = RoomClient.join(room, TestServer.user("first"))) {
            String admin = TestServer.user("admin");
            try (RoomClient boss = RoomClient.join(room, admin, TestServer.token(admin, "[\"admin\"]", 600))) {
                assertEquals("owner", first.next("joined").getJsonObject("data").getString("role"));
                boss.send("{\"type\":\"kick\",\"data\":{\"id\":\"" + first.clientId + "\"}}");
                assertEquals(4003, first.awaitClose());
            }
        }
    }
}
