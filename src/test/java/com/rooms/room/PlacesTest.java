package com.rooms.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
import com.rooms.protocol.FrameDecoder;
import com.rooms.protocol.FrameEncoder;
import com.rooms.security.Identity;
import com.rooms.security.TokenRejected;

/** Resume tokens (PROTOCOL.md 3.3): single use, one user's, one room's, voided by the next welcome. */
class PlacesTest {
    private static final Instant EXPIRY = Instant.parse("2030-01-01T00:00:00Z");
    private final FrameEncoder encoder = new FrameEncoder();
    private final RoomServices services = new RoomServices(new FrameDecoder(), encoder, new InMemoryHistoryStore(),
            new InMemoryRoomDirectory(), AuditTrail.NONE,
            new IceServers(List.of("stun:s:3478"), List.of(), "", Duration.ofHours(1)),
            token -> {
                throw new TokenRejected("no tokens here");
            }, RoomMetrics.NONE, Runnable::run, Later.NOW, Clock.systemUTC(), 50, true);
    private final List<ChatClient> ended = new ArrayList<>();
    private final Places places = new Places(20, ended::add);
    private final ChatRoom room = new ChatRoom(services).open(
            new Room("places", "Places", Visibility.PUBLIC, HistorySetting.SHARED, "ann", Instant.now()), r -> { });

    @AfterEach
    void close() throws Exception {
        encoder.close();
    }

    private ChatClient joined(String user) {
        ChatClient client = new ChatClient("n-" + user, new Identity(user, user, false, EXPIRY), Role.MEMBER,
                new HistoryView(user, null, 0), new RecordingConnection(), services, places, System.nanoTime());
        room.join(client);
        return client;
    }

    @Test
    void aTokenTakesItsPlaceOnceOnly() {
        ChatClient ann = joined("ann");
        String token = ann.newResumeToken();
        assertSame(ann, places.take(token, "ann", "places"));
        assertNull(places.take(token, "ann", "places"), "used up");
    }

    @Test
    void anotherUsersAttemptLeavesTheTokenValidForItsOwner() {
        ChatClient ann = joined("ann");
        String token = ann.newResumeToken();
        assertNull(places.take(token, "mallory", "places"));
        assertNull(places.take(token, "ann", "another-room"));
        assertSame(ann, places.take(token, "ann", "places"));
    }

    @Test
    void aNewerWelcomeVoidsTheOlderToken() {
        ChatClient ann = joined("ann");
        String first = ann.newResumeToken();
        String second = ann.newResumeToken();
        assertNotEquals(first, second);
        assertNull(places.take(first, "ann", "places"));
        assertSame(ann, places.take(second, "ann", "places"));
    }

    @Test
    void anUnknownOrMissingTokenTakesNothing() {
        joined("ann");
        assertNull(places.take("not-a-token", "ann", "places"));
        assertNull(places.take(null, "ann", "places"));
    }

    @Test
    void aPlaceThatEndedVoidsItsTokenAndIsReportedOnce() {
        ChatClient ann = joined("ann");
        String token = ann.newResumeToken();
        room.leave(ann, Disconnect.CLOSED);
        assertNull(places.take(token, "ann", "places"));
        assertEquals(List.of(ann), ended);
        assertEquals(0, places.tokens());
        assertNull(ann.newResumeToken(), "an ended place gets no new token");
    }

    @Test
    void resumeOffIssuesNoToken() {
        assertNull(Places.OFF.issue(joined("ann"), null));
    }
}
