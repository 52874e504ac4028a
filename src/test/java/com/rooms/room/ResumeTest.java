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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.rooms.audit.AuditTrail;
import com.rooms.history.HistoryView;
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
import com.rooms.protocol.Payload;
import com.rooms.security.Identity;
import com.rooms.security.TokenRejected;

/**
 * Resume in the room (PROTOCOL.md 3.3): {@code seq} on every frame, a place
 * kept without a connection, taken back with what it missed, and how a
 * kept place ends.
 */
class ResumeTest {
    private static final Instant EXPIRY = Instant.parse("2030-01-01T00:00:00Z");
    private static final int WINDOW = 20;

    /** Runs short waits (the queue's) at once and holds the resume window's timers until the test lets time pass. */
    private static final class Window implements Later {
        final List<Runnable> held = new ArrayList<>();

        @Override
        public synchronized void run(Runnable task, long delayMillis) {
            if (delayMillis >= WINDOW * 1000L) {
                held.add(task);
            } else {
                task.run();
            }
        }

        void passes() {
            List<Runnable> due;
            synchronized (this) {
                due = new ArrayList<>(held);
                held.clear();
            }
            due.forEach(Runnable::run);
        }
    }

    private final Window window = new Window();
    private final FrameEncoder encoder = new FrameEncoder();
    private final RoomServices services = new RoomServices(new FrameDecoder(), encoder, new InMemoryHistoryStore(),
            new InMemoryRoomDirectory(), AuditTrail.NONE,
            new IceServers(List.of("stun:s:3478"), List.of(), "", Duration.ofHours(1)),
            token -> {
                throw new TokenRejected("no tokens here");
            }, RoomMetrics.NONE, Runnable::run, window, Clock.systemUTC(), 50, false);
    private final List<ChatClient> ended = new ArrayList<>();
    private final Places places = new Places(WINDOW, ended::add);
    private final ChatRoom room = new ChatRoom(services).open(
            new Room("resume", "Resume", Visibility.PUBLIC, HistorySetting.SHARED, "olga", Instant.now()), r -> { });
    private final AtomicInteger ids = new AtomicInteger();

    @AfterEach
    void close() throws Exception {
        encoder.close();
    }

    private record Peer(ChatClient client, RecordingConnection connection) {
        long lastSeq() {
            List<JsonObject> frames = connection.frames();
            return frames.get(frames.size() - 1).getJsonNumber("seq").longValue();
        }

        String token() {
            return connection.last("welcome").getJsonObject("data").getString("resume");
        }
    }

    private Peer join(String user, Role role) {
        RecordingConnection connection = new RecordingConnection();
        ChatClient client = new ChatClient("n-" + ids.incrementAndGet(), identity(user), role,
                new HistoryView(user, null, 0), connection, services, places, System.nanoTime());
        assertEquals(ChatRoom.Entry.JOINED, room.join(client));
        return new Peer(client, connection);
    }

    private static Identity identity(String user) {
        return new Identity(user, user, false, EXPIRY);
    }

    private static void say(Peer from, ChatRoom room, String text) {
        room.receive(from.client(), "{\"type\":\"text\",\"data\":{\"text\":\"" + text + "\"}}");
    }

    /** What the connection was sent, by type, from frame {@code from} on. */
    private static List<String> typesFrom(RecordingConnection connection, int from) {
        return connection.types().subList(from, connection.written.size());
    }

    private Peer resume(Peer place, long lastSeq) {
        RecordingConnection fresh = new RecordingConnection();
        assertTrue(room.resume(place.client(), fresh, lastSeq, identity(place.client().userId()),
                place.client().role()));
        return new Peer(place.client(), fresh);
    }

    @Test
    void everyFrameCarriesASeqCountingTheFramesOfThePlaceFromOne() {
        Peer ann = join("ann", Role.MEMBER);
        Peer ben = join("ben", Role.MEMBER);
        say(ben, room, "hello");
        say(ann, room, "hi");
        List<Long> seqs = ann.connection().frames().stream().map(f -> f.getJsonNumber("seq").longValue())
                .collect(Collectors.toList());
        List<Long> expected = new ArrayList<>();
        for (long i = 1; i <= seqs.size(); i++) {
            expected.add(i);
        }
        assertEquals(expected, seqs);
        assertTrue(seqs.size() >= 5, "welcome, room-info, history, joined, two texts: " + ann.connection().types());
    }

    @Test
    void aDroppedConnectionKeepsThePlaceAndNobodySeesALeave() {
        Peer ann = join("ann", Role.MEMBER);
        Peer ben = join("ben", Role.MEMBER);
        assertTrue(ann.client().detach(ann.connection()));

        assertFalse(ann.client().attached());
        assertNull(ben.connection().last("left"));
        assertEquals(2, room.size(), "a kept place counts toward max_clients");
        assertEquals(1, places.kept());
        Peer cara = join("cara", Role.MEMBER);
        List<String> present = cara.connection().last("room-info").getJsonObject("data").getJsonArray("clients")
                .getValuesAs(JsonObject.class).stream().map(c -> c.getString("id")).collect(Collectors.toList());
        assertTrue(present.contains(ann.client().id()), "still in room-info: " + present);
    }

    @Test
    void aResumeGetsWelcomeThenWhatItMissedInOrderThenRoomInfoAndNobodySeesAnything() {
        Peer ann = join("ann", Role.MEMBER);
        Peer ben = join("ben", Role.MEMBER);
        long read = ann.lastSeq();
        ann.client().detach(ann.connection());
        say(ben, room, "one");
        say(ben, room, "two");
        int benSaw = ben.connection().written.size();

        Peer back = resume(ann, read);

        List<JsonObject> frames = back.connection().frames();
        assertEquals(List.of("welcome", "text", "text", "room-info"), back.connection().types());
        JsonObject welcome = frames.get(0).getJsonObject("data");
        assertTrue(welcome.getBoolean("resumed"));
        assertEquals(ann.client().id(), welcome.getString("client_id"), "same client id");
        assertEquals(WINDOW, welcome.getInt("resume_window"));
        assertEquals("one", frames.get(1).getJsonObject("data").getString("text"));
        assertEquals("two", frames.get(2).getJsonObject("data").getString("text"));
        assertEquals(read + 1, frames.get(1).getJsonNumber("seq").longValue(), "each kept frame with its own seq");
        assertEquals(read + 2, frames.get(2).getJsonNumber("seq").longValue());
        assertEquals(read + 3, frames.get(0).getJsonNumber("seq").longValue(), "welcome numbered after the newest kept");
        assertEquals(read + 4, frames.get(3).getJsonNumber("seq").longValue());
        assertEquals(benSaw, ben.connection().written.size(), "the room is told nothing");
        assertTrue(ann.client().attached());
        assertEquals(0, places.kept());

        say(ben, room, "three");
        assertEquals(read + 5, back.lastSeq(), "numbering goes on");
    }

    @Test
    void aResumedWelcomeCarriesAFreshTokenAndTheOldOneIsVoid() {
        Peer ann = join("ann", Role.MEMBER);
        String first = ann.token();
        ann.client().detach(ann.connection());
        assertTrue(places.take(first, "ann", "resume") == ann.client());
        Peer back = resume(ann, ann.lastSeq());
        String second = back.token();
        assertFalse(first.equals(second));
        assertNull(places.take(first, "ann", "resume"));
        assertTrue(places.take(second, "ann", "resume") == ann.client());
    }

    @Test
    void aResumeOnAConnectionStillThoughtOpenClosesTheOldOneWith1000AndTellsNobody() {
        Peer ann = join("ann", Role.MEMBER);
        Peer ben = join("ben", Role.MEMBER);
        int benSaw = ben.connection().written.size();

        Peer back = resume(ann, ann.lastSeq());

        assertEquals(CloseCode.NORMAL, ann.connection().closedWith);
        assertFalse(ann.client().holds(ann.connection()));
        assertTrue(ann.client().holds(back.connection()));
        assertEquals(benSaw, ben.connection().written.size());
        say(ben, room, "after");
        assertEquals("after", back.connection().last("text").getJsonObject("data").getString("text"));
        assertNull(ann.connection().last("text"), "the replaced connection is written nothing more");
    }

    @Test
    void aClientThatReadFramesNoLongerKeptCannotTakeThePlaceBack() {
        Peer ann = join("ann", Role.MEMBER);
        Peer ben = join("ben", Role.MEMBER);
        for (int i = 0; i < OutboundQueue.MAX_FRAMES + 10; i++) {
            say(ben, room, "m" + i);
        }
        assertFalse(ann.client().covers(1), "the oldest frames gave way");
        assertTrue(ann.client().covers(ann.lastSeq()));
        assertFalse(ann.client().covers(ann.lastSeq() + 1), "a seq never sent");
        assertFalse(room.resume(ann.client(), new RecordingConnection(), 1, identity("ann"), Role.MEMBER));
    }

    @Test
    void whenTheWindowRunsOutTheRoomGetsLeftTimeout() {
        Peer ann = join("ann", Role.MEMBER);
        Peer ben = join("ben", Role.MEMBER);
        String token = ann.token();
        ann.client().detach(ann.connection());

        window.passes();

        JsonObject left = ben.connection().last("left").getJsonObject("data");
        assertEquals(ann.client().id(), left.getString("id"));
        assertEquals("timeout", left.getString("reason"));
        assertEquals(1, room.size());
        assertEquals(0, places.kept());
        assertEquals(List.of(ann.client()), ended, "its connection caps are released");
        assertNull(places.take(token, "ann", "resume"));
    }

    @Test
    void aWindowTimerOfAnEarlierDropDoesNotEndAPlaceThatWasResumedAndDroppedAgain() {
        Peer ann = join("ann", Role.MEMBER);
        Peer ben = join("ben", Role.MEMBER);
        ann.client().detach(ann.connection());
        Peer back = resume(ann, ann.lastSeq());
        List<Runnable> first = new ArrayList<>(window.held);
        window.held.clear();
        back.client().detach(back.connection());

        first.forEach(Runnable::run);
        assertNull(ben.connection().last("left"), "the first window is no longer the place's");
        window.passes();
        assertEquals("timeout", ben.connection().last("left").getJsonObject("data").getString("reason"));
    }

    @Test
    void aKeptPlaceWhoseMissedFramesWouldPassTheQueueLimitEndsAtOnce() {
        Peer ann = join("ann", Role.MEMBER);
        Peer ben = join("ben", Role.MEMBER);
        ann.client().detach(ann.connection());
        for (int i = 0; i <= OutboundQueue.MAX_FRAMES; i++) {
            room.announce("room-state", new Payload.RoomState(i % 2 == 0));
        }
        JsonObject left = ben.connection().last("left").getJsonObject("data");
        assertEquals(ann.client().id(), left.getString("id"));
        assertEquals("timeout", left.getString("reason"));
        assertEquals(0, places.kept());
        assertFalse(ann.client().covers(0));
    }

    @Test
    void aKickDuringTheWindowEndsThePlace() {
        Peer olga = join("olga", Role.OWNER);
        Peer ann = join("ann", Role.MEMBER);
        String token = ann.token();
        ann.client().detach(ann.connection());

        room.receive(olga.client(), "{\"type\":\"kick\",\"data\":{\"user_id\":\"ann\"}}");

        assertEquals("kicked", olga.connection().last("left").getJsonObject("data").getString("reason"));
        assertNull(places.take(token, "ann", "resume"));
        assertEquals(0, places.kept());
        assertFalse(room.resume(ann.client(), new RecordingConnection(), 0, identity("ann"), Role.MEMBER));
    }

    @Test
    void credentialsExpiringDuringTheWindowEndThePlaceWithLeftExpired() {
        Peer ann = join("ann", Role.MEMBER);
        Peer ben = join("ben", Role.MEMBER);
        ann.client().detach(ann.connection());

        room.disconnect(ann.client(), Disconnect.EXPIRED);

        assertEquals("expired", ben.connection().last("left").getJsonObject("data").getString("reason"));
        assertEquals(0, places.kept());
    }

    @Test
    void aClientThatStopsAnsweringTheKeepAliveIsClosed1001AndKeepsItsPlace() {
        Peer ann = join("ann", Role.MEMBER);
        Peer ben = join("ben", Role.MEMBER);

        room.disconnect(ann.client(), Disconnect.TIMEOUT);

        assertEquals(CloseCode.GOING_AWAY, ann.connection().closedWith);
        assertNull(ben.connection().last("left"));
        assertFalse(ann.client().attached());
        assertEquals(1, places.kept());
    }

    @Test
    void withResumeOffAKeepAliveTimeoutIsALeave() {
        RecordingConnection connection = new RecordingConnection();
        ChatClient ann = new ChatClient("n-off", identity("ann"), Role.MEMBER, new HistoryView("ann", null, 0),
                connection, services, Places.OFF, System.nanoTime());
        room.join(ann);
        Peer ben = join("ben", Role.MEMBER);

        assertFalse(ann.detach(connection));
        room.disconnect(ann, Disconnect.TIMEOUT);

        assertEquals("timeout", ben.connection().last("left").getJsonObject("data").getString("reason"));
        JsonObject welcome = connection.last("welcome").getJsonObject("data");
        assertFalse(welcome.containsKey("resume") && !welcome.isNull("resume"), "no token: " + welcome);
        assertNotNull(connection.frames().get(0).get("seq"), "seq is on every frame even with resume off");
    }

    @Test
    void theFramesAPongConfirmedAreNotKept() {
        Peer ann = join("ann", Role.MEMBER);
        ann.client().pingIfDue(System.nanoTime() + 1, 0);
        int before = ann.client().keptFrames();
        assertTrue(before > 0);
        ann.client().ponged(System.nanoTime());
        assertEquals(0, ann.client().keptFrames(), "read before the ping it answered");
        assertTrue(ann.client().covers(ann.lastSeq()));
    }

    @Test
    void onlyANetworkDropOrTheClients4000KeepsAPlace() {
        assertTrue(CloseCode.keepsPlace(1006), "a drop as Payara reports it");
        assertTrue(CloseCode.keepsPlace(1011), "a drop as Open Liberty reports it");
        assertTrue(CloseCode.keepsPlace(4000));
        for (int code : new int[] {1000, 1001, 1008, 4001, 4003}) {
            assertFalse(CloseCode.keepsPlace(code), "close code " + code);
        }
    }
}
