package com.rooms.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.rooms.audit.RoomEvent;
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

/** The room controls of PROTOCOL.md 3.3: status, lock and unlock, set-role, mute. */
class RoomControlsTest {
    private static final Instant EXPIRY = Instant.parse("2030-01-01T00:00:00Z");
    private final FrameEncoder encoder = new FrameEncoder();
    private final InMemoryRoomDirectory directory = new InMemoryRoomDirectory();
    private final List<RoomEvent> audit = new CopyOnWriteArrayList<>();
    private final RoomServices services = new RoomServices(new FrameDecoder(), encoder, new InMemoryHistoryStore(),
            directory, audit::add, new IceServers(List.of("stun:s:3478"), List.of(), "", Duration.ofHours(1)),
            token -> {
                throw new TokenRejected("no tokens here");
            }, RoomMetrics.NONE, Runnable::run, Later.NOW, Clock.systemUTC(), 50, true);
    private final String roomId = "controls-" + UUID.randomUUID().toString().substring(0, 8);
    private final ChatRoom room;
    private final AtomicInteger ids = new AtomicInteger();

    RoomControlsTest() {
        Room settings = new Room(roomId, "Controls", Visibility.PUBLIC, HistorySetting.SHARED, "olga", Instant.now());
        directory.create(settings, "Olga");
        room = new ChatRoom(services).open(settings, r -> { });
    }

    @AfterEach
    void close() throws Exception {
        encoder.close();
    }

    private record Peer(ChatClient client, RecordingConnection connection) {
        JsonObject lastData(String type) {
            return connection.last(type).getJsonObject("data");
        }

        String lastError() {
            return lastData("error").getString("code");
        }
    }

    private Peer join(String user, Role role) {
        return join(user, role, false);
    }

    private Peer join(String user, Role role, boolean admin) {
        if (directory.member(roomId, user).isEmpty()) {
            directory.setRole(roomId, user, user, role == Role.OWNER && !admin ? Role.OWNER : role, Instant.now());
        }
        RecordingConnection connection = new RecordingConnection();
        ChatClient client = new ChatClient("n-" + ids.incrementAndGet(), new Identity(user, user, admin, EXPIRY),
                role, new HistoryView(user, null, 0), connection, services, System.nanoTime());
        assertEquals(ChatRoom.Entry.JOINED, room.join(client));
        return new Peer(client, connection);
    }

    private void send(Peer from, String frame) {
        room.receive(from.client(), frame);
    }

    @Test
    void statusIsMergedAndDeliveredWholeToEveryoneTheSenderWithItsRef() {
        Peer ann = join("ann", Role.MEMBER);
        Peer ben = join("ben", Role.MEMBER);
        send(ann, "{\"id\":\"s1\",\"type\":\"status\",\"data\":{\"audio\":true,\"video\":false,\"colour\":\"red\"}}");
        send(ann, "{\"type\":\"status\",\"data\":{\"hand\":true}}");

        JsonObject seen = ben.lastData("status");
        assertEquals(ann.client().id(), seen.getString("id"));
        assertEquals("{\"hand\":true,\"audio\":true,\"video\":false}", seen.getJsonObject("status").toString(),
                "merged, unknown keys neither kept nor delivered");
        JsonObject own = ann.connection().frames("status").get(0);
        assertEquals("s1", own.getString("ref"));
        assertEquals(ann.client().id(), own.getString("sender"));
    }

    @Test
    void statusIsListedInRoomInfoAndJoinedAndIsEmptyUntilSet() {
        Peer ann = join("ann", Role.MEMBER);
        send(ann, "{\"type\":\"status\",\"data\":{\"screen\":true}}");
        Peer ben = join("ben", Role.MEMBER);

        JsonObject joined = ann.lastData("joined");
        assertEquals("{}", joined.getJsonObject("status").toString());
        List<JsonObject> clients = ben.lastData("room-info").getJsonArray("clients").getValuesAs(JsonObject.class);
        JsonObject annInfo = clients.stream().filter(c -> c.getString("id").equals(ann.client().id())).findFirst()
                .orElseThrow();
        assertEquals("{\"screen\":true}", annInfo.getJsonObject("status").toString());
        assertFalse(ben.lastData("room-info").getBoolean("locked"));
    }

    @Test
    void aStatusValueThatIsNotABooleanIsInvalidAndChangesNothing() {
        Peer ann = join("ann", Role.MEMBER);
        Peer ben = join("ben", Role.MEMBER);
        send(ann, "{\"type\":\"status\",\"data\":{\"hand\":\"yes\"}}");
        assertEquals("invalid", ann.lastError());
        assertTrue(ben.connection().frames("status").isEmpty());
    }

    @Test
    void aModeratorLocksAndUnlocksTheRoomForEveryoneAndItIsStoredAndRecorded() {
        Peer mod = join("mia", Role.MODERATOR);
        Peer ann = join("ann", Role.MEMBER);
        send(mod, "{\"id\":\"l1\",\"type\":\"lock\"}");

        assertTrue(ann.lastData("room-state").getBoolean("locked"));
        assertEquals(mod.client().id(), ann.connection().last("room-state").getString("sender"));
        assertEquals("l1", mod.connection().last("room-state").getString("ref"));
        assertTrue(directory.find(roomId).orElseThrow().locked(), "stored");
        assertTrue(room.settings().locked());

        send(mod, "{\"type\":\"unlock\"}");
        assertFalse(ann.lastData("room-state").getBoolean("locked"));
        assertFalse(directory.find(roomId).orElseThrow().locked());
        assertEquals(List.of(RoomEvent.Kind.LOCKED, RoomEvent.Kind.UNLOCKED), kinds(RoomEvent.Kind.LOCKED,
                RoomEvent.Kind.UNLOCKED));
    }

    @Test
    void aMemberMayNotLockTheRoom() {
        Peer ann = join("ann", Role.MEMBER);
        send(ann, "{\"type\":\"lock\"}");
        assertEquals("forbidden", ann.lastError());
        assertFalse(directory.find(roomId).orElseThrow().locked());
        assertTrue(ann.connection().frames("room-state").isEmpty());
    }

    @Test
    void anOwnerMakesAMemberModeratorOnEveryConnectionOfTheirsAndEveryoneIsTold() {
        Peer owner = join("olga", Role.OWNER);
        Peer ann = join("ann", Role.MEMBER);
        Peer annAgain = join("ann", Role.MEMBER);
        send(owner, "{\"id\":\"r1\",\"type\":\"set-role\",\"data\":{\"user_id\":\"ann\",\"role\":\"moderator\"}}");

        JsonObject role = ann.lastData("role");
        assertEquals("ann", role.getString("user_id"));
        assertEquals("moderator", role.getString("role"));
        assertEquals("r1", owner.connection().last("role").getString("ref"));
        assertEquals(Role.MODERATOR, ann.client().role());
        assertEquals(Role.MODERATOR, annAgain.client().role());
        assertEquals(Role.MODERATOR, directory.member(roomId, "ann").orElseThrow().role(), "stored");
        send(ann, "{\"type\":\"lock\"}");
        assertTrue(owner.lastData("room-state").getBoolean("locked"), "the new moderator may lock at once");
        assertEquals(1, kinds(RoomEvent.Kind.ROLE_CHANGED).size());
    }

    @Test
    void anAdministratorKeepsActingAsOwnerWhateverRoleTheyAreGiven() {
        Peer owner = join("olga", Role.OWNER);
        Peer admin = join("ada", Role.OWNER, true);
        directory.setRole(roomId, "ada", "ada", Role.MEMBER, Instant.now());
        send(owner, "{\"type\":\"set-role\",\"data\":{\"user_id\":\"ada\",\"role\":\"member\"}}");
        assertEquals("owner", owner.lastData("role").getString("role"), "the role the user now acts with");
        assertEquals(Role.OWNER, admin.client().role());
    }

    @Test
    void setRoleIsForOwnersOnMembersThatAreNotOwners() {
        Peer owner = join("olga", Role.OWNER);
        Peer mod = join("mia", Role.MODERATOR);
        join("ann", Role.MEMBER);

        send(mod, "{\"type\":\"set-role\",\"data\":{\"user_id\":\"ann\",\"role\":\"moderator\"}}");
        assertEquals("forbidden", mod.lastError(), "moderators may not");
        send(owner, "{\"type\":\"set-role\",\"data\":{\"user_id\":\"olga\",\"role\":\"member\"}}");
        assertEquals("forbidden", owner.lastError(), "an owner's role, the sender's own included");
        send(owner, "{\"type\":\"set-role\",\"data\":{\"user_id\":\"nobody\",\"role\":\"member\"}}");
        assertEquals("no-such-client", owner.lastError(), "not a member");
        send(owner, "{\"type\":\"set-role\",\"data\":{\"user_id\":\"ann\",\"role\":\"owner\"}}");
        assertEquals("invalid", owner.lastError());
        assertEquals(Role.MEMBER, directory.member(roomId, "ann").orElseThrow().role());
        assertTrue(owner.connection().frames("role").isEmpty());
    }

    @Test
    void aModeratorsMuteIsRelayedToItsReceiverOrToEveryOtherClient() {
        Peer mod = join("mia", Role.MODERATOR);
        Peer ann = join("ann", Role.MEMBER);
        Peer ben = join("ben", Role.MEMBER);
        send(mod, "{\"type\":\"mute\",\"receiver\":\"" + ann.client().id() + "\",\"data\":{\"kinds\":[\"video\"]}}");

        JsonObject muted = ann.connection().last("mute");
        assertEquals(mod.client().id(), muted.getString("sender"));
        assertEquals("[\"video\"]", muted.getJsonObject("data").getJsonArray("kinds").toString());
        assertTrue(ben.connection().frames("mute").isEmpty());

        send(mod, "{\"type\":\"mute\"}");
        assertEquals(2, ann.connection().frames("mute").size());
        assertEquals(1, ben.connection().frames("mute").size());
        assertTrue(mod.connection().frames("mute").isEmpty(), "not to the sender");
        assertEquals(List.of("video", "audio"), kinds(RoomEvent.Kind.MUTED).stream().map(RoomEvent::detail).toList());
    }

    @Test
    void aMemberMayNotMuteAndBadKindsAreInvalid() {
        Peer ann = join("ann", Role.MEMBER);
        Peer mod = join("mia", Role.MODERATOR);
        send(ann, "{\"type\":\"mute\",\"receiver\":\"" + mod.client().id() + "\"}");
        assertEquals("forbidden", ann.lastError());
        send(mod, "{\"type\":\"mute\",\"data\":{\"kinds\":[\"screen\"]}}");
        assertEquals("invalid", mod.lastError());
        send(mod, "{\"type\":\"mute\",\"data\":{\"kinds\":[]}}");
        assertEquals("invalid", mod.lastError());
        assertTrue(mod.connection().frames("mute").isEmpty());
        assertTrue(ann.connection().frames("mute").isEmpty());
        assertTrue(kinds(RoomEvent.Kind.MUTED).isEmpty());
    }

    @Test
    void aRoomAtItsMaxClientsTakesNobodyElseEvenPastTheHandshake() {
        Room small = new Room(roomId, "Small", Visibility.PUBLIC, HistorySetting.SHARED, "olga", Instant.now(), false, 1);
        room.settingsChanged(small);
        Peer ann = join("ann", Role.MEMBER);
        ChatClient late = new ChatClient("n-late", new Identity("ben", "ben", false, EXPIRY), Role.MEMBER,
                new HistoryView("ben", null, 0), new RecordingConnection(), services, System.nanoTime());

        assertEquals(ChatRoom.Entry.FULL, room.join(late));
        assertEquals(1, room.size());
        assertTrue(ann.connection().frames("joined").isEmpty(), "nobody saw the refused one");
    }

    private List<RoomEvent.Kind> kinds(RoomEvent.Kind... wanted) {
        List<RoomEvent.Kind> of = List.of(wanted);
        return audit.stream().map(RoomEvent::kind).filter(of::contains).toList();
    }

    private List<RoomEvent> kinds(RoomEvent.Kind wanted) {
        return audit.stream().filter(e -> e.kind() == wanted).toList();
    }
}
