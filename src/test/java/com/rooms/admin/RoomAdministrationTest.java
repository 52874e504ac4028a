package com.rooms.admin;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.event.Event;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.rooms.audit.AuditTrail;
import com.rooms.history.InMemoryHistoryStore;
import com.rooms.history.NewMessage;
import com.rooms.live.AdministrationEvent;
import com.rooms.live.LiveClient;
import com.rooms.live.LiveRooms;
import com.rooms.membership.AccessRefused;
import com.rooms.membership.HistorySetting;
import com.rooms.membership.InMemoryRoomDirectory;
import com.rooms.membership.Role;
import com.rooms.membership.Room;
import com.rooms.membership.RoomChange;
import com.rooms.membership.Visibility;
import com.rooms.security.Identity;

/** Who may do what to rooms, members and messages over the API, as {@link RoomAdministration} decides it. */
class RoomAdministrationTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final String PRIVATE = "private-room";
    private static final String PUBLIC = "public-room";

    /** The callers of the matrix, in the order of its columns. */
    enum Who {
        ADMIN(new Identity("ada", "Ada", true, null)),
        OWNER(new Identity("olga", "Olga", false, null)),
        MODERATOR(new Identity("mo", "Mo", false, null)),
        MEMBER(new Identity("mem", "Mem", false, null)),
        NON_MEMBER(new Identity("nina", "Nina", false, null));

        final Identity identity;

        Who(Identity identity) {
            this.identity = identity;
        }
    }

    interface Action {
        void run(RoomAdministration rooms, Identity caller);
    }

    private final InMemoryRoomDirectory directory = new InMemoryRoomDirectory();
    private final InMemoryHistoryStore history = new InMemoryHistoryStore();
    private final List<AdministrationEvent> announced = new ArrayList<>();
    private final RoomAdministration rooms = new RoomAdministration();

    @BeforeEach
    void wire() {
        rooms.directory = directory;
        rooms.history = history;
        rooms.audit = AuditTrail.NONE;
        rooms.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        rooms.live = new LiveRooms() {
            @Override
            public int online(String roomId) {
                return 0;
            }

            @Override
            public List<LiveClient> clients(String roomId) {
                return List.of();
            }
        };
        rooms.events = recording(announced);
        for (String id : new String[] {PRIVATE, PUBLIC}) {
            directory.create(new Room(id, id, id.equals(PUBLIC) ? Visibility.PUBLIC : Visibility.PRIVATE,
                    HistorySetting.SHARED, "olga", NOW), "Olga");
            directory.enroll(id, "mo", "Mo", Role.MODERATOR, NOW);
            directory.enroll(id, "mem", "Mem", Role.MEMBER, NOW);
        }
    }

    /** Each row: what is tried, and for admin, owner, moderator, member, non-member whether it is allowed (Y) or refused 403 (N). */
    static Stream<Arguments> matrix() {
        return Stream.of(
                row("see a public room", (r, c) -> r.get(c, PUBLIC), "YYYYY"),
                row("see a private room", (r, c) -> r.get(c, PRIVATE), "YYYYN"),
                row("change a room's settings", (r, c) -> r.update(c, PRIVATE, new RoomChange("New", null, null)), "YYNNN"),
                row("delete a room", (r, c) -> r.delete(c, PRIVATE), "YNNNN"),
                row("create a room", (r, c) -> r.create(c, room("new-room")), "YNNNN"),
                row("list the members", (r, c) -> r.members(c, PUBLIC), "YYYYN"),
                row("set a member's role", (r, c) -> r.setRole(c, PRIVATE, "mem", Role.MODERATOR), "YYNNN"),
                row("remove a member", (r, c) -> r.removeMember(c, PRIVATE, "mem"), "YYNNN"),
                row("list the live clients", (r, c) -> r.clients(c, PUBLIC), "YYYYN"),
                row("read the messages", (r, c) -> r.messages(c, PUBLIC, filter(false)), "YYYYN"),
                row("read cleared messages", (r, c) -> r.messages(c, PUBLIC, filter(true)), "YNNNN"),
                row("export the messages", (r, c) -> r.mayExport(c, PUBLIC), "YNNNN"))
                .flatMap(a -> a);
    }

    @ParameterizedTest(name = "{1} may {0}: {2}")
    @MethodSource("matrix")
    void eachRoleMayDoExactlyWhatTheMatrixAllows(String what, Who who, boolean allowed, Action action) {
        if (allowed) {
            assertDoesNotThrow(() -> action.run(rooms, who.identity));
        } else {
            AccessRefused refused = assertThrows(AccessRefused.class, () -> action.run(rooms, who.identity));
            assertFalse(refused.missing(), "a refusal, not a missing room: " + refused.getMessage());
        }
    }

    @Test
    void anUnknownRoomIsMissingForEverybodyBeforeAnyPermissionCheck() {
        List<Action> actions = List.of((r, c) -> r.get(c, "nowhere"), (r, c) -> r.update(c, "nowhere",
                new RoomChange("x", null, null)), (r, c) -> r.members(c, "nowhere"),
                (r, c) -> r.setRole(c, "nowhere", "mem", Role.MEMBER), (r, c) -> r.removeMember(c, "nowhere", "mem"),
                (r, c) -> r.clients(c, "nowhere"), (r, c) -> r.messages(c, "nowhere", filter(true)));
        for (Who who : Who.values()) {
            for (Action action : actions) {
                assertRefused(AccessRefused.Reason.NO_SUCH_ROOM, who, action);
            }
        }
    }

    @Test
    void administratorOnlyCallsRefuseOthersBeforeLookingForTheRoom() {
        List<Action> actions = List.of((r, c) -> r.delete(c, "nowhere"), (r, c) -> r.mayExport(c, "nowhere"));
        for (Who who : Who.values()) {
            for (Action action : actions) {
                assertRefused(who == Who.ADMIN ? AccessRefused.Reason.NO_SUCH_ROOM : AccessRefused.Reason.NOT_PERMITTED,
                        who, action);
            }
        }
    }

    private void assertRefused(AccessRefused.Reason reason, Who who, Action action) {
        AccessRefused refused = assertThrows(AccessRefused.class, () -> action.run(rooms, who.identity));
        assertEquals(reason, refused.reason(), who + ": " + refused.getMessage());
    }

    @Test
    void removingSomeoneWhoIsNotAMemberIsMissing() {
        AccessRefused refused = assertThrows(AccessRefused.class,
                () -> rooms.removeMember(Who.OWNER.identity, PRIVATE, "nina"));
        assertEquals(AccessRefused.Reason.NO_SUCH_MEMBER, refused.reason());
        assertTrue(refused.missing());
    }

    @Test
    void aTakenRoomIdIsRefusedAsExisting() {
        assertThrows(RoomExists.class, () -> rooms.create(Who.ADMIN.identity, room(PUBLIC)));
    }

    @Test
    void changesAreAnnouncedToTheLiveRoomsOnceStored() {
        Identity owner = Who.OWNER.identity;
        rooms.update(owner, PRIVATE, new RoomChange("Renamed", null, null));
        rooms.setRole(owner, PRIVATE, "mem", Role.MODERATOR);
        rooms.removeMember(owner, PRIVATE, "mo");
        rooms.delete(Who.ADMIN.identity, PRIVATE);

        assertEquals(4, announced.size(), announced.toString());
        assertEquals("Renamed", ((AdministrationEvent.SettingsChanged) announced.get(0)).room().name());
        assertEquals(new AdministrationEvent.RoleChanged(PRIVATE, "mem", Role.MODERATOR), announced.get(1));
        assertEquals(new AdministrationEvent.MemberRemoved(PRIVATE, "mo"), announced.get(2));
        assertEquals(new AdministrationEvent.RoomDeleted(PRIVATE), announced.get(3));
    }

    @Test
    void aRefusedChangeAnnouncesNothing() {
        assertThrows(AccessRefused.class, () -> rooms.delete(Who.OWNER.identity, PRIVATE));
        assertThrows(AccessRefused.class, () -> rooms.setRole(Who.MODERATOR.identity, PRIVATE, "mem", Role.OWNER));
        assertTrue(announced.isEmpty());
        assertTrue(directory.find(PRIVATE).isPresent());
    }

    @Test
    void deletingARoomDeletesItsMessages() {
        history.append(new NewMessage(PUBLIC, "mem", "Mem", "hello", null, NOW), m -> { }, e -> { });
        assertTrue(history.lastId(PUBLIC) > 0);

        rooms.delete(Who.ADMIN.identity, PUBLIC);

        assertEquals(0, history.lastId(PUBLIC));
        assertTrue(directory.find(PUBLIC).isEmpty());
    }

    private static Stream<Arguments> row(String what, Action action, String allowed) {
        Who[] who = Who.values();
        return Stream.of(0, 1, 2, 3, 4).map(i -> Arguments.of(what, who[i], allowed.charAt(i) == 'Y', action));
    }

    private static Room room(String id) {
        return new Room(id, id, Visibility.PUBLIC, HistorySetting.SHARED, null, null);
    }

    private static MessageFilter filter(boolean includeCleared) {
        return new MessageFilter(null, null, null, null, null, List.of(), 10, includeCleared);
    }

    @SuppressWarnings("unchecked")
    private static Event<AdministrationEvent> recording(List<AdministrationEvent> into) {
        return (Event<AdministrationEvent>) Proxy.newProxyInstance(Event.class.getClassLoader(),
                new Class<?>[] {Event.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("fire")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    into.add((AdministrationEvent) args[0]);
                    return null;
                });
    }
}
