package com.rooms.membership;

import java.time.Clock;
import java.time.Instant;
import java.util.function.ToIntFunction;

import com.rooms.security.Identity;

/**
 * Who may enter which room (PROTOCOL.md 1.2). Public rooms admit every
 * signed-in user and record them as members; private rooms admit members and
 * administrators. An unknown room is created on first entry only where
 * {@code createOnFirstJoin} is set (the dev configuration), as a public room
 * owned by that first user.
 */
public final class RoomAccess {
    private final RoomDirectory directory;
    private final boolean createOnFirstJoin;
    private final Clock clock;
    private final ToIntFunction<String> connected;

    /** {@code connected}: how many connections a room has now (for {@code max_clients}). */
    public RoomAccess(RoomDirectory directory, boolean createOnFirstJoin, Clock clock, ToIntFunction<String> connected) {
        this.directory = directory;
        this.createOnFirstJoin = createOnFirstJoin;
        this.clock = clock;
        this.connected = connected;
    }

    public RoomAccess(RoomDirectory directory, boolean createOnFirstJoin, Clock clock) {
        this(directory, createOnFirstJoin, clock, roomId -> 0);
    }

    /**
     * Whether the user could enter the room now, changing nothing (a ticket
     * is issued on this): refused when the room does not exist and is not
     * made on first join, or is private and the user neither a member nor
     * an administrator.
     */
    public void checkEntry(String roomId, Identity who) {
        Room room = directory.find(roomId).orElse(null);
        if (room == null) {
            if (!createOnFirstJoin) {
                throw new AccessRefused(AccessRefused.Reason.NO_SUCH_ROOM, "room " + roomId + " does not exist");
            }
            return;
        }
        Member member = directory.member(roomId, who.userId()).orElse(null);
        if (room.visibility() == Visibility.PRIVATE && !who.admin() && member == null) {
            throw new AccessRefused(AccessRefused.Reason.NOT_A_MEMBER,
                    "room " + roomId + " is private and you are not a member");
        }
        refuseWhenClosed(room, who.admin() ? Role.OWNER : member == null ? Role.MEMBER : member.role());
    }

    /**
     * A locked room takes only its moderators and owners; a full one
     * nobody (PROTOCOL.md 3.3 and 7).
     */
    private void refuseWhenClosed(Room room, Role role) {
        if (room.locked() && !role.moderates()) {
            throw new AccessRefused(AccessRefused.Reason.LOCKED,
                    "room " + room.id() + " is locked; only its moderators and owners may join now");
        }
        if (room.fullWith(connected.applyAsInt(room.id()))) {
            throw new AccessRefused(AccessRefused.Reason.ROOM_FULL,
                    "room " + room.id() + " is full (" + room.maxClients() + " connections)");
        }
    }

    /**
     * Lets a user take back a place they still hold in the room (a resume):
     * the room must still exist and a private one still have them, but a
     * lock or a full room does not keep them out, and nothing is written.
     * The role is the one they hold now.
     */
    public Admission readmit(String roomId, Identity who) {
        Room room = directory.find(roomId).orElseThrow(
                () -> new AccessRefused(AccessRefused.Reason.NO_SUCH_ROOM, "room " + roomId + " does not exist"));
        Member member = memberOrRefused(room, who);
        return new Admission(room, roleOf(who, member), member == null ? clock.instant() : member.joinedAt());
    }

    public Admission admit(String roomId, Identity who) {
        Instant now = clock.instant();
        Room room = directory.find(roomId).orElseGet(() -> {
            if (!createOnFirstJoin) {
                throw new AccessRefused(AccessRefused.Reason.NO_SUCH_ROOM, "room " + roomId + " does not exist");
            }
            return directory.createIfAbsent(new Room(roomId, roomId, Visibility.PUBLIC, HistorySetting.SHARED,
                    who.userId(), now), who.displayName());
        });
        Member member = memberOrRefused(room, who);
        Role role = roleOf(who, member);
        refuseWhenClosed(room, role);
        if (member == null) {
            member = directory.enroll(roomId, who.userId(), who.displayName(), Role.MEMBER, now);
        }
        return new Admission(room, role, member.joinedAt());
    }

    /** The user's membership of the room, null when none; a private room refuses a non-member who is not an administrator. */
    private Member memberOrRefused(Room room, Identity who) {
        Member member = directory.member(room.id(), who.userId()).orElse(null);
        if (member == null && room.visibility() == Visibility.PRIVATE && !who.admin()) {
            throw new AccessRefused(AccessRefused.Reason.NOT_A_MEMBER,
                    "room " + room.id() + " is private and you are not a member");
        }
        return member;
    }

    /** Administrators act as owners; everybody else with their stored role, a newcomer as a member. */
    private static Role roleOf(Identity who, Member member) {
        return who.admin() ? Role.OWNER : member == null ? Role.MEMBER : member.role();
    }
}
