package com.rooms.room;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.rooms.audit.AuditTrail;
import com.rooms.history.HistoryPage;
import com.rooms.history.HistoryView;
import com.rooms.history.InMemoryHistoryStore;
import com.rooms.ice.IceServers;
import com.rooms.membership.HistorySetting;
import com.rooms.membership.InMemoryRoomDirectory;
import com.rooms.membership.Role;
import com.rooms.membership.Room;
import com.rooms.membership.Visibility;
import com.rooms.protocol.FrameDecoder;
import com.rooms.protocol.FrameEncoder;
import com.rooms.security.Identity;
import com.rooms.security.TokenRejected;

/**
 * A newcomer's history is read outside the room's lock while chat goes on:
 * every message reaches it exactly once, after its history, in id order.
 */
class JoinWhileChatFlowsTest {
    private static final Instant EXPIRY = Instant.parse("2030-01-01T00:00:00Z");

    /** A store that lets chat happen just before, or just after, it reads a page. */
    private static final class BusyHistory extends InMemoryHistoryStore {
        Runnable beforeRead = () -> { };
        Runnable afterRead = () -> { };

        @Override
        public HistoryPage page(String roomId, HistoryView view, Long beforeId, int limit) {
            Runnable before = beforeRead;
            beforeRead = () -> { };
            before.run();
            HistoryPage page = super.page(roomId, view, beforeId, limit);
            Runnable after = afterRead;
            afterRead = () -> { };
            after.run();
            return page;
        }
    }

    private final FrameEncoder encoder = new FrameEncoder();
    private final BusyHistory history = new BusyHistory();
    private final RoomServices services = new RoomServices(new FrameDecoder(), encoder, history,
            new InMemoryRoomDirectory(), AuditTrail.NONE, new IceServers(List.of(), List.of(), "", Duration.ofHours(1)),
            token -> {
                throw new TokenRejected("not used");
            }, RoomMetrics.NONE, Runnable::run, Later.NOW, Clock.systemUTC(), 50, true);
    private final ChatRoom room = new ChatRoom(services).open(
            new Room("r", "R", Visibility.PUBLIC, HistorySetting.SHARED, "owner", Instant.now()), r -> { });
    private int ids;

    @AfterEach
    void close() throws Exception {
        encoder.close();
    }

    @Test
    void aMessageStoredWhileTheHistoryIsReadIsShownOnceInTheHistory() {
        ChatClient alice = join("alice", new RecordingConnection());
        alice.room().receive(alice, "{\"type\":\"text\",\"data\":{\"text\":\"one\"}}");
        history.beforeRead = () -> room.receive(alice, "{\"type\":\"text\",\"data\":{\"text\":\"two\"}}");

        RecordingConnection bob = new RecordingConnection();
        join("bob", bob);

        assertEquals(List.of("welcome", "room-info", "history"), bob.types(), "nothing live: both are in the history");
        assertEquals(List.of("one", "two"), texts(bob.last("history")));
    }

    @Test
    void aMessageStoredAfterTheHistoryWasReadFollowsItLive() {
        ChatClient alice = join("alice", new RecordingConnection());
        alice.room().receive(alice, "{\"type\":\"text\",\"data\":{\"text\":\"one\"}}");
        history.afterRead = () -> room.receive(alice, "{\"type\":\"text\",\"data\":{\"text\":\"two\"}}");

        RecordingConnection bob = new RecordingConnection();
        join("bob", bob);

        assertEquals(List.of("welcome", "room-info", "history", "text"), bob.types());
        assertEquals(List.of("one"), texts(bob.last("history")));
        assertEquals("two", bob.last("text").getJsonObject("data").getString("text"));
    }

    @Test
    void signalingForTheNewcomerWaitsUntilItsHistoryWasSent() {
        ChatClient alice = join("alice", new RecordingConnection());
        RecordingConnection bob = new RecordingConnection();
        String bobId = "n-" + (ids + 1);
        history.beforeRead = () -> room.receive(alice,
                "{\"type\":\"offer\",\"receiver\":\"" + bobId + "\",\"data\":\"v=0\"}");

        join("bob", bob);

        assertEquals(List.of("welcome", "room-info", "history", "offer"), bob.types());
    }

    private ChatClient join(String user, RecordingConnection connection) {
        ChatClient client = new ChatClient("n-" + ++ids, new Identity(user, user, false, EXPIRY), Role.MEMBER,
                new HistoryView(user, null, 0), connection, services, System.nanoTime());
        assertEquals(ChatRoom.Entry.JOINED, room.join(client));
        return client;
    }

    private static List<String> texts(JsonObject history) {
        return history.getJsonObject("data").getJsonArray("messages").stream()
                .map(m -> m.asJsonObject().getString("text")).collect(Collectors.toList());
    }
}
