package com.rooms.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.rooms.history.HistoryPage;
import com.rooms.history.HistoryView;
import com.rooms.audit.AuditTrail;
import com.rooms.history.InMemoryHistoryStore;
import com.rooms.ice.IceServers;
import com.rooms.membership.HistorySetting;
import com.rooms.membership.InMemoryRoomDirectory;
import com.rooms.membership.Role;
import com.rooms.membership.Room;
import com.rooms.membership.Visibility;
import com.rooms.protocol.CloseCode;
import com.rooms.protocol.FrameDecoder;
import com.rooms.protocol.FrameEncoder;
import com.rooms.security.Identity;
import com.rooms.security.TokenRejected;

class ChatRoomTest {
    private static final Instant EXPIRY = Instant.parse("2030-01-01T00:00:00Z");
    private final FrameEncoder encoder = new FrameEncoder();
    /** A store whose reads can be made to fail, as a database outage does. */
    private final InMemoryHistoryStore history = new InMemoryHistoryStore() {
        @Override
        public HistoryPage page(String roomId, HistoryView view, Long beforeId, int limit) {
            if (readsFail) {
                throw new IllegalStateException("database unreachable");
            }
            return super.page(roomId, view, beforeId, limit);
        }
    };
    private volatile boolean readsFail;
    private final InMemoryRoomDirectory directory = new InMemoryRoomDirectory();
    private final RoomServices services = new RoomServices(new FrameDecoder(), encoder, history,
            directory, AuditTrail.NONE, new IceServers(List.of("stun:s:3478"), List.of(), "", Duration.ofHours(1)),
            token -> {
                if (token.equals("verifier-bug")) {
                    throw new IllegalArgumentException("a bug no rule foresaw");
                }
                if (token.startsWith("admin|")) {
                    String[] parts = token.split("\\|");
                    return new Identity(parts[1], parts[1], true, Instant.parse(parts[2]));
                }
                if (token.startsWith("good|")) {
                    String[] parts = token.split("\\|");
                    return new Identity(parts[1], parts[1], false, Instant.parse(parts[2]));
                }
                throw new TokenRejected("token signature is invalid");
            }, RoomMetrics.NONE, Runnable::run, Later.NOW, Clock.systemUTC(), 50, true);
    private final ChatRoom room = new ChatRoom(services).open(
            new Room("r1", "Room One", Visibility.PUBLIC, HistorySetting.SHARED, "owner", Instant.now()), r -> { });
    private final AtomicInteger ids = new AtomicInteger();

    @AfterEach
    void close() throws Exception {
        encoder.close();
    }

    private record Peer(ChatClient client, RecordingConnection connection) {
        void send(ChatRoom room, String frame) {
            room.receive(client, frame);
        }
    }

    private Peer join(String user, Role role) {
        RecordingConnection connection = new RecordingConnection();
        ChatClient client = new ChatClient("n-" + ids.incrementAndGet(), new Identity(user, user.toUpperCase(), false, EXPIRY),
                role, new HistoryView(user, null, 0), connection, services, System.nanoTime());
        assertEquals(ChatRoom.Entry.JOINED, room.join(client));
        return new Peer(client, connection);
    }

    @Test
    void joinerGetsWelcomeRoomInfoAndHistoryFirst() {
        Peer alice = join("alice", Role.OWNER);
        assertEquals(List.of("welcome", "room-info", "history"), alice.connection.types());
        JsonObject welcome = alice.connection.last("welcome").getJsonObject("data");
        assertEquals(alice.client.id(), welcome.getString("client_id"));
        assertEquals("owner", welcome.getString("role"));
        assertEquals("2030-01-01T00:00:00Z", welcome.getString("expires_at"));
        assertEquals(1, welcome.getInt("protocol"));
    }

    @Test
    void secondClientSeesJoinedAndFirstIsInItsRoomInfo() {
        Peer alice = join("alice", Role.OWNER);
        Peer bob = join("bob", Role.MEMBER);
        JsonObject joined = alice.connection.last("joined");
        assertEquals(bob.client.id(), joined.getJsonObject("data").getString("id"));
        assertEquals("server", joined.getString("sender"));
        assertFalse(joined.containsKey("receiver"));
        assertEquals(2, bob.connection.last("room-info").getJsonObject("data").getJsonArray("clients").size());
        assertFalse(bob.connection.types().contains("joined"), "no joined for itself");
    }

    @Test
    void leavingTellsTheOthersOnce() {
        Peer alice = join("alice", Role.OWNER);
        Peer bob = join("bob", Role.MEMBER);
        room.leave(bob.client, Disconnect.CLOSED);
        room.leave(bob.client, Disconnect.CLOSED);
        assertEquals(1, alice.connection.frames("left").size());
        assertEquals("closed", alice.connection.last("left").getJsonObject("data").getString("reason"));
    }

    @Test
    void directedRelayReachesOnlyItsReceiverWithServerSetSender() {
        Peer alice = join("alice", Role.OWNER);
        Peer bob = join("bob", Role.MEMBER);
        Peer carol = join("carol", Role.MEMBER);
        alice.send(room, "{\"id\":\"o1\",\"type\":\"offer\",\"sender\":\"" + carol.client.id() + "\",\"receiver\":\""
                + bob.client.id() + "\",\"data\":{\"type\":\"offer\",\"sdp\":\"v=0\"}}");
        JsonObject offer = bob.connection.last("offer");
        assertEquals(alice.client.id(), offer.getString("sender"), "spoofed sender overwritten");
        assertEquals(bob.client.id(), offer.getString("receiver"));
        assertEquals("o1", offer.getString("id"));
        assertEquals("v=0", offer.getJsonObject("data").getString("sdp"));
        assertNull(carol.connection.last("offer"));
        assertNull(alice.connection.last("offer"));
    }

    @Test
    void undirectedRelayReachesEveryoneButTheSender() {
        Peer alice = join("alice", Role.OWNER);
        Peer bob = join("bob", Role.MEMBER);
        Peer carol = join("carol", Role.MEMBER);
        bob.send(room, "{\"type\":\"greeting\",\"data\":[1,2]}");
        assertNotNull(alice.connection.last("greeting"));
        assertNotNull(carol.connection.last("greeting"));
        assertNull(bob.connection.last("greeting"));
        assertFalse(alice.connection.last("greeting").containsKey("receiver"));
    }

    @Test
    void framesFromOneSenderToOneReceiverKeepTheirOrder() {
        Peer alice = join("alice", Role.OWNER);
        Peer bob = join("bob", Role.MEMBER);
        alice.send(room, "{\"id\":\"0\",\"type\":\"offer\",\"receiver\":\"" + bob.client.id() + "\",\"data\":\"sdp\"}");
        for (int i = 1; i < 40; i++) {
            alice.send(room, "{\"id\":\"" + i + "\",\"type\":\"candidate\",\"receiver\":\"" + bob.client.id() + "\",\"data\":{}}");
        }
        List<String> order = new ArrayList<>();
        for (JsonObject f : bob.connection.frames()) {
            if (f.containsKey("id")) {
                order.add(f.getString("id"));
            }
        }
        for (int i = 0; i < 40; i++) {
            assertEquals(String.valueOf(i), order.get(i));
        }
        assertEquals("offer", bob.connection.frames().get(3).getString("type"), "offer before its candidates");
    }

    @Test
    void unknownReceiverIsNoSuchClientWithRef() {
        Peer alice = join("alice", Role.OWNER);
        alice.send(room, "{\"id\":\"x9\",\"type\":\"offer\",\"receiver\":\"elsewhere-1\",\"data\":\"v=0\"}");
        JsonObject error = alice.connection.last("error");
        assertEquals("no-such-client", error.getJsonObject("data").getString("code"));
        assertEquals("x9", error.getString("ref"));
        assertEquals(alice.client.id(), error.getString("receiver"));
    }

    @Test
    void pingIsAnsweredWithPongCarryingTheData() {
        Peer alice = join("alice", Role.OWNER);
        alice.send(room, "{\"id\":\"p\",\"type\":\"ping\",\"data\":{\"t\":12.5}}");
        JsonObject pong = alice.connection.last("pong");
        assertEquals("{\"t\":12.5}", pong.getJsonObject("data").toString());
        assertEquals("p", pong.getString("ref"));
        assertEquals("server", pong.getString("sender"));
    }

    @Test
    void textIsStampedAndDeliveredToEveryoneIncludingTheSender() {
        Peer alice = join("alice", Role.OWNER);
        Peer bob = join("bob", Role.MEMBER);
        alice.send(room, "{\"id\":\"t1\",\"type\":\"text\",\"data\":{\"text\":\"hi\",\"from\":\"Mallory\",\"user_id\":\"mallory\"}}");
        JsonObject atBob = bob.connection.last("text");
        JsonObject own = alice.connection.last("text");
        JsonObject data = atBob.getJsonObject("data");
        assertEquals("ALICE", data.getString("from"), "from is the server's, not the client's");
        assertEquals("alice", data.getString("user_id"));
        assertFalse(data.getBoolean("private"));
        assertTrue(data.getJsonNumber("message_id").isIntegral());
        assertEquals(alice.client.id(), atBob.getString("sender"));
        assertFalse(atBob.containsKey("ref"));
        assertEquals("t1", own.getString("ref"));
        assertEquals(data, own.getJsonObject("data"));
    }

    @Test
    void privateTextReachesOnlyItsReceiverAndSenderAndStaysPrivateInHistory() {
        Peer alice = join("alice", Role.OWNER);
        Peer bob = join("bob", Role.MEMBER);
        Peer carol = join("carol", Role.MEMBER);
        alice.send(room, "{\"type\":\"text\",\"receiver\":\"" + bob.client.id() + "\",\"data\":{\"text\":\"psst\"}}");
        JsonObject atBob = bob.connection.last("text");
        assertTrue(atBob.getJsonObject("data").getBoolean("private"));
        assertEquals("bob", atBob.getJsonObject("data").getString("to"));
        assertEquals(bob.client.id(), atBob.getString("receiver"));
        assertNotNull(alice.connection.last("text"));
        assertNull(carol.connection.last("text"));

        carol.send(room, "{\"type\":\"get-history\"}");
        assertEquals(0, carol.connection.last("history").getJsonObject("data").getJsonArray("messages").size());
        bob.send(room, "{\"type\":\"get-history\"}");
        assertEquals(1, bob.connection.last("history").getJsonObject("data").getJsonArray("messages").size());
    }

    @Test
    void everyClientSeesChatInOneOrderWithGrowingIds() throws Exception {
        List<Peer> peers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            peers.add(join("u" + i, Role.MEMBER));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (Peer peer : peers) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int m = 0; m < 10; m++) {
                    peer.send(room, "{\"type\":\"text\",\"data\":{\"text\":\"m" + m + "\"}}");
                }
            });
            t.start();
            threads.add(t);
        }
        start.countDown();
        for (Thread t : threads) {
            t.join(10_000);
        }
        List<Long> reference = null;
        for (Peer peer : peers) {
            List<Long> seen = peer.connection.frames("text").stream()
                    .map(f -> f.getJsonObject("data").getJsonNumber("message_id").longValue()).toList();
            assertEquals(60, seen.size());
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i) > seen.get(i - 1), "ids grow in delivery order");
            }
            if (reference == null) {
                reference = seen;
            }
            assertEquals(reference, seen);
        }
    }

    @Test
    void historyOnJoinHasTheNewestMessagesOldestFirst() {
        Peer alice = join("alice", Role.OWNER);
        for (int i = 0; i < 3; i++) {
            alice.send(room, "{\"type\":\"text\",\"data\":{\"text\":\"m" + i + "\"}}");
        }
        Peer bob = join("bob", Role.MEMBER);
        JsonObject history = bob.connection.last("history").getJsonObject("data");
        assertEquals(List.of("m0", "m1", "m2"), history.getJsonArray("messages").stream()
                .map(v -> v.asJsonObject().getString("text")).toList());
        assertFalse(history.getBoolean("more"));
    }

    @Test
    void aProfileMayNotTakeTheNameOfAnotherUserInTheRoom() {
        Peer alice = join("alice", Role.OWNER);
        Peer bob = join("bob", Role.MEMBER);
        bob.send(room, "{\"id\":\"fake\",\"type\":\"profile\",\"data\":{\"username\":\" alice \"}}");
        JsonObject error = bob.connection.last("error");
        assertEquals("invalid", error.getJsonObject("data").getString("code"));
        assertEquals("fake", error.getString("ref"));
        assertNull(alice.connection.last("profile"), "nobody saw the impersonation");
        assertEquals("BOB", room.clients().stream().filter(c -> c == bob.client).findFirst().orElseThrow().username());
        bob.send(room, "{\"type\":\"profile\",\"data\":{\"username\":\"Alice's friend\"}}");
        assertEquals("Alice's friend", alice.connection.last("profile").getJsonObject("data").getString("username"));
    }

    @Test
    void profileChangeReachesEveryone() {
        Peer alice = join("alice", Role.OWNER);
        Peer bob = join("bob", Role.MEMBER);
        bob.send(room, "{\"id\":\"pr\",\"type\":\"profile\",\"data\":{\"username\":\"Bobby\"}}");
        assertEquals("Bobby", alice.connection.last("profile").getJsonObject("data").getString("username"));
        assertEquals("pr", bob.connection.last("profile").getString("ref"));
        assertEquals("Bobby", bob.client.username());
    }

    @Test
    void memberMayNeitherKickNorClear() {
        Peer alice = join("alice", Role.OWNER);
        Peer bob = join("bob", Role.MEMBER);
        bob.send(room, "{\"id\":\"k\",\"type\":\"kick\",\"data\":{\"id\":\"" + alice.client.id() + "\"}}");
        assertEquals("forbidden", bob.connection.last("error").getJsonObject("data").getString("code"));
        bob.send(room, "{\"type\":\"clear-chat\"}");
        assertEquals(2, bob.connection.frames("error").size());
        assertNull(alice.connection.closedWith);
        assertNull(alice.connection.last("clear-chat"));
    }

    @Test
    void moderatorMayNotKickAnOwner() {
        Peer alice = join("alice", Role.OWNER);
        Peer mod = join("mod", Role.MODERATOR);
        mod.send(room, "{\"type\":\"kick\",\"data\":{\"user_id\":\"alice\"}}");
        assertEquals("forbidden", mod.connection.last("error").getJsonObject("data").getString("code"));
        assertNull(alice.connection.closedWith);
    }

    @Test
    void kickedClientGetsByeThenCloses4003AndTheRoomSeesLeft() {
        Peer alice = join("alice", Role.OWNER);
        Peer bob = join("bob", Role.MEMBER);
        alice.send(room, "{\"type\":\"kick\",\"data\":{\"user_id\":\"bob\"}}");
        assertEquals("kicked", bob.connection.last("bye").getJsonObject("data").getString("reason"));
        assertEquals(CloseCode.KICKED, bob.connection.closedWith);
        assertEquals("kicked", alice.connection.last("left").getJsonObject("data").getString("reason"));
        assertEquals(1, room.size());
    }

    @Test
    void clearChatHidesHistoryAndIsDeliveredToEveryone() {
        Peer alice = join("alice", Role.OWNER);
        Peer bob = join("bob", Role.MEMBER);
        bob.send(room, "{\"type\":\"text\",\"data\":{\"text\":\"secret\"}}");
        alice.send(room, "{\"id\":\"c\",\"type\":\"clear-chat\"}");
        assertNotNull(bob.connection.last("clear-chat"));
        assertEquals("c", alice.connection.last("clear-chat").getString("ref"));
        Peer carol = join("carol", Role.MEMBER);
        assertEquals(0, carol.connection.last("history").getJsonObject("data").getJsonArray("messages").size());
    }

    @Test
    void refreshWithTheSameUsersTokenExtendsTheConnection() {
        Peer alice = join("alice", Role.OWNER);
        alice.send(room, "{\"id\":\"r\",\"type\":\"refresh\",\"data\":{\"token\":\"good|alice|2031-01-01T00:00:00Z\"}}");
        JsonObject welcome = alice.connection.last("welcome");
        assertEquals("r", welcome.getString("ref"));
        assertEquals("2031-01-01T00:00:00Z", welcome.getJsonObject("data").getString("expires_at"));
        assertEquals(Instant.parse("2031-01-01T00:00:00Z"), alice.client.expiresAt());
    }

    @Test
    void refreshWithAnotherUsersTokenIsUnauthorizedAndChangesNothing() {
        Peer alice = join("alice", Role.OWNER);
        alice.send(room, "{\"type\":\"refresh\",\"data\":{\"token\":\"good|bob|2031-01-01T00:00:00Z\"}}");
        assertEquals("unauthorized", alice.connection.last("error").getJsonObject("data").getString("code"));
        alice.send(room, "{\"type\":\"refresh\",\"data\":{\"token\":\"forged\"}}");
        assertEquals(2, alice.connection.frames("error").size());
        assertEquals(EXPIRY, alice.client.expiresAt());
    }

    @Test
    void expiryByesAndCloses4001() {
        Peer alice = join("alice", Role.OWNER);
        Peer bob = join("bob", Role.MEMBER);
        room.disconnect(bob.client, Disconnect.EXPIRED);
        assertEquals("expired", bob.connection.last("bye").getJsonObject("data").getString("reason"));
        assertEquals(CloseCode.EXPIRED, bob.connection.closedWith);
        assertEquals("expired", alice.connection.last("left").getJsonObject("data").getString("reason"));
    }

    @Test
    void stalledClientIsCutWith1013WhileTheOthersKeepReceiving() {
        Peer alice = join("alice", Role.OWNER);
        Peer bob = join("bob", Role.MEMBER);
        Peer slow = join("slow", Role.MEMBER);
        slow.connection.stalled = true;
        slow.connection.whenClosed = () -> room.leave(slow.client, Disconnect.CLOSED);
        String payload = "x".repeat(30_000);
        for (int i = 0; i < 45; i++) {
            alice.send(room, "{\"type\":\"greeting\",\"data\":\"" + payload + "\"}");
        }
        assertEquals(CloseCode.TOO_SLOW, slow.connection.closedWith);
        assertEquals(45, bob.connection.frames("greeting").size(), "bob got every frame");
        assertEquals("too-slow", bob.connection.last("left").getJsonObject("data").getString("reason"));
        assertEquals(2, room.size());
    }

    @Test
    void floodingOverTheRateIsAnsweredRateLimited() {
        Peer alice = join("alice", Role.OWNER);
        Peer bob = join("bob", Role.MEMBER);
        for (int i = 0; i < 60; i++) {
            alice.send(room, "{\"type\":\"greeting\",\"data\":" + i + "}");
        }
        assertEquals(50, bob.connection.frames("greeting").size());
        assertEquals(1, alice.connection.frames("error").size());
        assertEquals("rate-limited", alice.connection.last("error").getJsonObject("data").getString("code"));
    }

    @Test
    void withFrameRatesOffEveryFrameIsRelayed() {
        RoomServices unlimited = new RoomServices(services.decoder(), services.encoder(), services.history(),
                services.directory(), services.audit(), services.ice(), services.tokens(), services.metrics(),
                services.closer(), services.later(), services.clock(), services.historyOnJoin(), false);
        ChatRoom benchRoom = new ChatRoom(unlimited).open(
                new Room("r2", "Bench", Visibility.PUBLIC, HistorySetting.SHARED, "owner", Instant.now()), r -> { });
        RecordingConnection aliceLine = new RecordingConnection();
        RecordingConnection bobLine = new RecordingConnection();
        ChatClient alice = new ChatClient("n-a", new Identity("alice", "A", false, EXPIRY), Role.OWNER,
                new HistoryView("alice", null, 0), aliceLine, unlimited, System.nanoTime());
        ChatClient bob = new ChatClient("n-b", new Identity("bob", "B", false, EXPIRY), Role.MEMBER,
                new HistoryView("bob", null, 0), bobLine, unlimited, System.nanoTime());
        assertEquals(ChatRoom.Entry.JOINED, benchRoom.join(alice));
        assertEquals(ChatRoom.Entry.JOINED, benchRoom.join(bob));
        for (int i = 0; i < 500; i++) {
            benchRoom.receive(alice, "{\"type\":\"greeting\",\"data\":" + i + "}");
        }
        assertEquals(500, bobLine.frames("greeting").size());
        assertTrue(aliceLine.frames("error").isEmpty());
    }

    @Test
    void badFrameCostsOnlyTheSendersError() {
        Peer alice = join("alice", Role.OWNER);
        Peer bob = join("bob", Role.MEMBER);
        int before = bob.connection.written.size();
        alice.send(room, "not json");
        alice.send(room, "{\"type\":\"welcome\"}");
        assertEquals(List.of("bad-json", "unknown-type"), alice.connection.frames("error").stream()
                .map(f -> f.getJsonObject("data").getString("code")).toList());
        assertEquals(before, bob.connection.written.size());
        alice.send(room, "{\"type\":\"greeting\",\"data\":1}");
        assertEquals(1, bob.connection.frames("greeting").size());
    }

    @Test
    void aStorageFailureOnGetHistoryIsAnsweredUnavailableWithItsRef() {
        Peer alice = join("alice", Role.OWNER);
        readsFail = true;
        alice.send(room, "{\"id\":\"h\",\"type\":\"get-history\"}");
        JsonObject error = alice.connection.last("error");
        assertNotNull(error, "no answer to get-history");
        assertEquals("unavailable", error.getJsonObject("data").getString("code"));
        assertEquals("h", error.getString("ref"));
        assertNull(alice.connection.closedWith);
    }

    @Test
    void anUnexpectedFailureClosesOnlyThatConnectionWith1011() {
        Peer alice = join("alice", Role.OWNER);
        Peer bob = join("bob", Role.MEMBER);
        alice.send(room, "{\"type\":\"refresh\",\"data\":{\"token\":\"verifier-bug\"}}");
        assertEquals(CloseCode.INTERNAL_ERROR, alice.connection.closedWith);
        assertEquals("error", bob.connection.last("left").getJsonObject("data").getString("reason"));
        assertEquals(1, room.size());
        bob.send(room, "{\"id\":\"p\",\"type\":\"ping\"}");
        assertEquals("p", bob.connection.last("pong").getString("ref"));
    }

    @Test
    void refreshWithoutTheAdministratorsGroupLosesTheOwnerRoleAndTellsTheRoom() {
        Peer alice = join("alice", Role.OWNER);
        Peer bob = join("bob", Role.MEMBER);
        alice.send(room, "{\"id\":\"r\",\"type\":\"refresh\",\"data\":{\"token\":\"good|alice|2031-01-01T00:00:00Z\"}}");
        assertEquals("member", alice.connection.last("welcome").getJsonObject("data").getString("role"));
        JsonObject role = bob.connection.last("role");
        assertNotNull(role, "the room was not told");
        assertEquals("alice", role.getJsonObject("data").getString("user_id"));
        assertEquals("member", role.getJsonObject("data").getString("role"));
        assertEquals(Role.MEMBER, alice.client.role());
        alice.send(room, "{\"type\":\"clear-chat\"}");
        assertEquals("forbidden", alice.connection.last("error").getJsonObject("data").getString("code"));
    }

    @Test
    void refreshKeepsAStoredOwnerRoleAndAnAdministratorStaysOwner() {
        directory.enroll("r1", "carol", "Carol", Role.OWNER, Instant.now());
        Peer carol = join("carol", Role.OWNER);
        Peer bob = join("bob", Role.MEMBER);
        carol.send(room, "{\"type\":\"refresh\",\"data\":{\"token\":\"good|carol|2031-01-01T00:00:00Z\"}}");
        assertEquals(Role.OWNER, carol.client.role());
        bob.send(room, "{\"type\":\"refresh\",\"data\":{\"token\":\"admin|bob|2031-01-01T00:00:00Z\"}}");
        assertEquals(Role.OWNER, bob.client.role());
        assertEquals(List.of("owner"), carol.connection.frames("role").stream()
                .map(f -> f.getJsonObject("data").getString("role")).toList());
    }
}
