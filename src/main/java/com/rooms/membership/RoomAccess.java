package com.rooms.membership;

import java.time.Clock;
import java.time.Instant;

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

    public RoomAccess(RoomDirectory directory, boolean createOnFirstJoin, Clock clock) {
        this.directory = directory;
        this.createOnFirstJoin = createOnFirstJoin;
        this.clock = clock;
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
        if (room.visibility() == Visibility.PRIVATE && !who.admin() && directory.member(roomId, who.userId()).isEmpty()) {
            throw new AccessRefused(AccessRefused.Reason.NOT_A_MEMBER,
                    "room " + roomId + " is private and you are not a member");
        }
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
        Member member = directory.member(roomId, who.userId()).orElse(null);
        if (member == null) {
            if (room.visibility() == Visibility.PRIVATE && !who.admin()) {
                throw new AccessRefused(AccessRefused.Reason.NOT_A_MEMBER,
                        "room " + roomId + " is private and you are not a member");
            }
            member = directory.enroll(roomId, who.userId(), who.displayName(), Role.MEMBER, now);
        }
        Role role = who.admin() ? Role.OWNER : member.role();
        return new Admission(room, role, member.joinedAt());
    }
}
