package com.rooms.membership;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/** Rooms and members in the server's memory: gone at a restart. */
@ApplicationScoped
public class InMemoryRoomDirectory implements RoomDirectory {
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Member>> members = new ConcurrentHashMap<>();

    @Override
    public Optional<Room> find(String roomId) {
        return Optional.ofNullable(rooms.get(roomId));
    }

    @Override
    public Room createIfAbsent(Room room, String ownerDisplayName) {
        Room[] created = new Room[1];
        Room existing = rooms.computeIfAbsent(room.id(), id -> {
            created[0] = room;
            return room;
        });
        if (created[0] != null) {
            enroll(room.id(), room.createdBy(), ownerDisplayName, Role.OWNER, room.createdAt());
        }
        return existing;
    }

    @Override
    public Optional<Member> member(String roomId, String userId) {
        return Optional.ofNullable(members.getOrDefault(roomId, Map.of()).get(userId));
    }

    @Override
    public Member enroll(String roomId, String userId, String displayName, Role role, Instant at) {
        return members.computeIfAbsent(roomId, id -> new ConcurrentHashMap<>())
                .computeIfAbsent(userId, id -> new Member(roomId, userId, displayName, role, at, at));
    }

    @Override
    public void touch(String roomId, String userId, String displayName, Instant at) {
        Map<String, Member> roomMembers = members.get(roomId);
        if (roomMembers != null) {
            roomMembers.computeIfPresent(userId,
                    (id, m) -> new Member(roomId, userId, displayName, m.role(), m.joinedAt(), at));
        }
    }
}
