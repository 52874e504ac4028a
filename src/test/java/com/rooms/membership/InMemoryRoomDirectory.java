package com.rooms.membership;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Rooms and members in memory, for tests of the room logic: gone at a restart. */
public class InMemoryRoomDirectory implements RoomDirectory {
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Member>> members = new ConcurrentHashMap<>();

    @Override
    public Optional<Room> find(String roomId) {
        return Optional.ofNullable(rooms.get(roomId));
    }

    @Override
    public Room createIfAbsent(Room room, String ownerDisplayName) {
        return create(room, ownerDisplayName).orElseGet(() -> rooms.get(room.id()));
    }

    @Override
    public Optional<Room> create(Room room, String ownerDisplayName) {
        if (rooms.putIfAbsent(room.id(), room) != null) {
            return Optional.empty();
        }
        enroll(room.id(), room.createdBy(), ownerDisplayName, Role.OWNER, room.createdAt());
        return Optional.of(room);
    }

    @Override
    public Optional<Room> update(String roomId, RoomChange change) {
        return Optional.ofNullable(rooms.computeIfPresent(roomId, (id, r) -> r.changedBy(change)));
    }

    @Override
    public boolean delete(String roomId) {
        members.remove(roomId);
        return rooms.remove(roomId) != null;
    }

    @Override
    public List<Room> all() {
        return rooms.values().stream().sorted(Comparator.comparing(Room::id)).collect(Collectors.toList());
    }

    @Override
    public List<Room> enterable(String userId) {
        return all().stream().filter(r -> r.visibility() == Visibility.PUBLIC || member(r.id(), userId).isPresent())
                .collect(Collectors.toList());
    }

    @Override
    public List<Room> memberOf(String userId) {
        return all().stream().filter(r -> member(r.id(), userId).isPresent()).collect(Collectors.toList());
    }

    @Override
    public Optional<Member> member(String roomId, String userId) {
        return Optional.ofNullable(members.getOrDefault(roomId, Map.of()).get(userId));
    }

    @Override
    public Map<String, Role> roles(String userId) {
        Map<String, Role> roles = new HashMap<>();
        members.forEach((roomId, roomMembers) -> {
            Member m = roomMembers.get(userId);
            if (m != null) {
                roles.put(roomId, m.role());
            }
        });
        return roles;
    }

    @Override
    public List<Member> members(String roomId) {
        return members.getOrDefault(roomId, Map.of()).values().stream()
                .sorted(Comparator.comparing(Member::userId)).collect(Collectors.toList());
    }

    @Override
    public Member enroll(String roomId, String userId, String displayName, Role role, Instant at) {
        return members.computeIfAbsent(roomId, id -> new ConcurrentHashMap<>())
                .computeIfAbsent(userId, id -> new Member(roomId, userId, displayName, role, at, at));
    }

    @Override
    public Enrolment setRole(String roomId, String userId, String displayName, Role role, Instant at) {
        boolean[] created = {false};
        Member member = members.computeIfAbsent(roomId, id -> new ConcurrentHashMap<>()).compute(userId, (id, m) -> {
            created[0] = m == null;
            return m == null ? new Member(roomId, userId, displayName, role, at, null)
                    : new Member(roomId, userId, m.displayName(), role, m.joinedAt(), m.lastSeenAt());
        });
        return new Enrolment(member, created[0]);
    }

    @Override
    public boolean remove(String roomId, String userId) {
        Map<String, Member> roomMembers = members.get(roomId);
        return roomMembers != null && roomMembers.remove(userId) != null;
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
