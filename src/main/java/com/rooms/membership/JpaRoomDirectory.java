package com.rooms.membership;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.rooms.storage.GroupCommit;
import com.rooms.storage.Times;
import com.rooms.storage.Transactions;
import com.rooms.storage.Write;

/** Rooms and members in the database, through JPA. */
@ApplicationScoped
public class JpaRoomDirectory implements RoomDirectory {
    @Inject
    Transactions tx;

    @Inject
    GroupCommit writer;

    @Override
    public Optional<Room> find(String roomId) {
        return tx.read(em -> Optional.ofNullable(em.find(RoomRow.class, roomId)).map(RoomRow::toRoom));
    }

    @Override
    public Room createIfAbsent(Room room, String ownerDisplayName) {
        return create(room, ownerDisplayName).or(() -> find(room.id()))
                .orElseThrow(() -> new IllegalStateException("room " + room.id() + " could not be created"));
    }

    @Override
    public Optional<Room> create(Room room, String ownerDisplayName) {
        if (find(room.id()).isPresent()) {
            return Optional.empty();
        }
        try {
            tx.run(em -> {
                em.persist(new RoomRow(room));
                em.flush();
                em.persist(new MemberRow(room.id(), room.createdBy(), ownerDisplayName, Role.OWNER,
                        room.createdAt(), null));
                em.flush();
            });
            return Optional.of(room);
        } catch (RuntimeException raced) {
            if (createdByAnother(room.id())) {
                return Optional.empty();
            }
            throw raced;
        }
    }

    /**
     * After an insert was refused: whether another transaction created the
     * room. Its row may be refused as a duplicate before that transaction
     * commits, so the room is looked for until it appears (at most 2 s).
     */
    private boolean createdByAnother(String roomId) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (true) {
            if (find(roomId).isPresent()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    @Override
    public Optional<Room> update(String roomId, RoomChange change) {
        return tx.call(em -> {
            RoomRow row = em.find(RoomRow.class, roomId);
            if (row == null) {
                return Optional.empty();
            }
            row.apply(change);
            return Optional.of(row.toRoom());
        });
    }

    @Override
    public boolean delete(String roomId) {
        return tx.call(em -> {
            RoomRow row = em.find(RoomRow.class, roomId);
            if (row == null) {
                return false;
            }
            em.createQuery("DELETE FROM MemberRow m WHERE m.roomId = :room").setParameter("room", roomId)
                    .executeUpdate();
            em.remove(row);
            return true;
        });
    }

    @Override
    public List<Room> all() {
        return rooms(tx.read(em -> em.createQuery("SELECT r FROM RoomRow r ORDER BY r.id", RoomRow.class)
                .getResultList()));
    }

    @Override
    public List<Room> enterable(String userId) {
        return rooms(tx.read(em -> em.createQuery("SELECT r FROM RoomRow r WHERE r.visibility = 'public'"
                + " OR EXISTS (SELECT m FROM MemberRow m WHERE m.roomId = r.id AND m.userId = :user) ORDER BY r.id",
                RoomRow.class).setParameter("user", userId).getResultList()));
    }

    @Override
    public List<Room> memberOf(String userId) {
        return rooms(tx.read(em -> em.createQuery("SELECT r FROM RoomRow r"
                + " WHERE EXISTS (SELECT m FROM MemberRow m WHERE m.roomId = r.id AND m.userId = :user) ORDER BY r.id",
                RoomRow.class).setParameter("user", userId).getResultList()));
    }

    private static List<Room> rooms(List<RoomRow> rows) {
        return rows.stream().map(RoomRow::toRoom).collect(Collectors.toList());
    }

    @Override
    public Optional<Member> member(String roomId, String userId) {
        return tx.read(em -> Optional.ofNullable(em.find(MemberRow.class, new MemberRow.Key(roomId, userId)))
                .map(MemberRow::toMember));
    }

    @Override
    public Map<String, Role> roles(String userId) {
        return tx.read(em -> em.createQuery("SELECT m FROM MemberRow m WHERE m.userId = :user", MemberRow.class)
                .setParameter("user", userId).getResultList()).stream()
                .map(MemberRow::toMember).collect(Collectors.toMap(Member::roomId, Member::role));
    }

    @Override
    public List<Member> members(String roomId) {
        return tx.read(em -> em.createQuery("SELECT m FROM MemberRow m WHERE m.roomId = :room ORDER BY m.userId",
                MemberRow.class).setParameter("room", roomId).getResultList()).stream()
                .map(MemberRow::toMember).collect(Collectors.toList());
    }

    @Override
    public Member enroll(String roomId, String userId, String displayName, Role role, Instant at) {
        Optional<Member> existing = member(roomId, userId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Member member = new Member(roomId, userId, displayName, role, at, at);
        try {
            tx.run(em -> {
                em.persist(new MemberRow(roomId, userId, displayName, role, at, at));
                em.flush();
            });
            return member;
        } catch (RuntimeException raced) {
            return member(roomId, userId).orElseThrow(() -> raced);
        }
    }

    @Override
    public Enrolment setRole(String roomId, String userId, String displayName, Role role, Instant at) {
        return tx.call(em -> {
            MemberRow row = em.find(MemberRow.class, new MemberRow.Key(roomId, userId));
            if (row != null) {
                row.changeRole(role);
                return new Enrolment(row.toMember(), false);
            }
            MemberRow added = new MemberRow(roomId, userId, displayName, role, at, null);
            em.persist(added);
            return new Enrolment(added.toMember(), true);
        });
    }

    @Override
    public boolean remove(String roomId, String userId) {
        return tx.call(em -> em.createQuery("DELETE FROM MemberRow m WHERE m.roomId = :room AND m.userId = :user")
                .setParameter("room", roomId).setParameter("user", userId).executeUpdate() > 0);
    }

    /** Written behind, with the chat: a presence note is not worth a transaction of its own. */
    @Override
    public void touch(String roomId, String userId, String displayName, Instant at) {
        writer.submit(new Write() {
            @Override
            public void apply(EntityManager em) {
                em.createQuery("UPDATE MemberRow m SET m.lastSeenAt = :at, m.displayName = :name"
                        + " WHERE m.roomId = :room AND m.userId = :user")
                        .setParameter("at", Times.column(at)).setParameter("name", displayName)
                        .setParameter("room", roomId).setParameter("user", userId).executeUpdate();
            }
        });
    }
}
