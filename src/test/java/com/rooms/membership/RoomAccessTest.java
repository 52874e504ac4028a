package com.rooms.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.rooms.security.Identity;

class RoomAccessTest {
    private static final Instant NOW = Instant.parse("2029-03-01T12:00:00Z");
    private static final Instant EARLIER = Instant.parse("2029-01-01T00:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryRoomDirectory directory = new InMemoryRoomDirectory();

    private static Identity user(String id) {
        return new Identity(id, id.toUpperCase(), false, null);
    }

    private static Identity admin(String id) {
        return new Identity(id, id.toUpperCase(), true, null);
    }

    private void room(String id, Visibility visibility, String owner) {
        directory.create(new Room(id, id, visibility, HistorySetting.SHARED, owner, EARLIER), owner);
    }

    @Test
    void anUnknownRoomIsRefusedWhereRoomsAreNotMadeOnFirstJoin() {
        RoomAccess access = new RoomAccess(directory, false, clock);

        assertEquals(AccessRefused.Reason.NO_SUCH_ROOM,
                assertThrows(AccessRefused.class, () -> access.checkEntry("nowhere", user("alice"))).reason());
        assertEquals(AccessRefused.Reason.NO_SUCH_ROOM,
                assertThrows(AccessRefused.class, () -> access.admit("nowhere", user("alice"))).reason());
        assertTrue(directory.find("nowhere").isEmpty());
    }

    @Test
    void theFirstToJoinAnUnknownRoomMakesItPublicAndOwnsIt() {
        RoomAccess access = new RoomAccess(directory, true, clock);

        Admission admission = access.admit("fresh", user("alice"));

        assertEquals(Role.OWNER, admission.role());
        assertEquals(NOW, admission.memberSince());
        Room room = directory.find("fresh").orElseThrow();
        assertEquals(Visibility.PUBLIC, room.visibility());
        assertEquals("alice", room.createdBy());
        assertEquals(Role.MEMBER, access.admit("fresh", user("bob")).role(), "the second is a member");
    }

    @Test
    void checkingEntryToAnUnknownRoomChangesNothing() {
        RoomAccess access = new RoomAccess(directory, true, clock);

        access.checkEntry("fresh", user("alice"));

        assertTrue(directory.find("fresh").isEmpty());
    }

    @Test
    void aPublicRoomAdmitsAnyoneAndRecordsThemAsMembers() {
        room("lobby", Visibility.PUBLIC, "owner");
        RoomAccess access = new RoomAccess(directory, false, clock);

        access.checkEntry("lobby", user("alice"));
        assertTrue(directory.member("lobby", "alice").isEmpty(), "a check enrols no one");

        Admission admission = access.admit("lobby", user("alice"));
        assertEquals(Role.MEMBER, admission.role());
        assertEquals(NOW, directory.member("lobby", "alice").orElseThrow().joinedAt());
    }

    @Test
    void aPrivateRoomRefusesSomeoneWhoIsNotAMemberAndDoesNotEnrolThem() {
        room("board", Visibility.PRIVATE, "owner");
        RoomAccess access = new RoomAccess(directory, true, clock);

        assertEquals(AccessRefused.Reason.NOT_A_MEMBER,
                assertThrows(AccessRefused.class, () -> access.checkEntry("board", user("mallory"))).reason());
        assertEquals(AccessRefused.Reason.NOT_A_MEMBER,
                assertThrows(AccessRefused.class, () -> access.admit("board", user("mallory"))).reason());
        assertTrue(directory.member("board", "mallory").isEmpty());
    }

    @Test
    void aPrivateRoomAdmitsItsMembersWithTheirRoleAndFirstJoinTime() {
        room("board", Visibility.PRIVATE, "owner");
        directory.enroll("board", "carol", "Carol", Role.MODERATOR, EARLIER);
        RoomAccess access = new RoomAccess(directory, false, clock);

        access.checkEntry("board", user("carol"));
        Admission admission = access.admit("board", user("carol"));

        assertEquals(Role.MODERATOR, admission.role());
        assertEquals(EARLIER, admission.memberSince(), "joining again keeps the first membership");
    }

    @Test
    void anAdministratorEntersAPrivateRoomAsOwnerWithoutBeingAMember() {
        room("board", Visibility.PRIVATE, "owner");
        RoomAccess access = new RoomAccess(directory, false, clock);

        access.checkEntry("board", admin("root"));
        Admission admission = access.admit("board", admin("root"));

        assertEquals(Role.OWNER, admission.role());
        assertEquals(Role.MEMBER, directory.member("board", "root").orElseThrow().role(),
                "recorded as a member; the owner role comes from being an administrator, not from the room");
    }
}
