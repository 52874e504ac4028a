package com.rooms.membership;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rooms and their members, wherever they are kept. */
public interface RoomDirectory {

    Optional<Room> find(String roomId);

    /** Creates the room with its creator as owner, or returns the existing one unchanged. */
    Room createIfAbsent(Room room, String ownerDisplayName);

    /** Creates the room with its creator as owner; empty when the id is taken. */
    Optional<Room> create(Room room, String ownerDisplayName);

    /** Applies the change; empty when there is no such room. */
    Optional<Room> update(String roomId, RoomChange change);

    /** Deletes the room with its members; false when there was none. Its messages must be gone first ({@code HistoryStore.forget}). */
    boolean delete(String roomId);

    /** Every room, by id. */
    List<Room> all();

    /** The public rooms and the private ones the user is a member of, by id. */
    List<Room> enterable(String userId);

    /** The rooms the user is a member of, by id. */
    List<Room> memberOf(String userId);

    Optional<Member> member(String roomId, String userId);

    /** The user's role in every room they are a member of, by room id (one query for a list of rooms). */
    Map<String, Role> roles(String userId);

    /** The room's members, by user id. */
    List<Member> members(String roomId);

    /** Records the user as a member with the given role unless they already are one; returns the membership. */
    Member enroll(String roomId, String userId, String displayName, Role role, Instant at);

    /** Gives the user the role, making them a member first if they are not one. */
    Enrolment setRole(String roomId, String userId, String displayName, Role role, Instant at);

    /** Ends the user's membership; false when they were not a member. */
    boolean remove(String roomId, String userId);

    /** Notes that the user was in the room at the given time. */
    void touch(String roomId, String userId, String displayName, Instant at);
}
