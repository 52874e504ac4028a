package com.rooms.membership;

import java.time.Instant;
import java.util.Optional;

/** The rooms and their members, wherever they are kept. */
public interface RoomDirectory {

    Optional<Room> find(String roomId);

    /** Creates the room with its creator as owner, or returns the existing one unchanged. */
    Room createIfAbsent(Room room, String ownerDisplayName);

    Optional<Member> member(String roomId, String userId);

    /** Records the user as a member with the given role unless they already are one; returns the membership. */
    Member enroll(String roomId, String userId, String displayName, Role role, Instant at);

    /** Notes that the user was in the room at the given time. */
    void touch(String roomId, String userId, String displayName, Instant at);
}
