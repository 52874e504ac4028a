package com.rooms.membership;

import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import com.rooms.storage.Times;

/** A row of {@code room_member}. */
@Entity
@Table(name = "room_member")
@IdClass(MemberRow.Key.class)
public class MemberRow {
    @Id
    @Column(name = "room_id")
    String roomId;

    @Id
    @Column(name = "user_id")
    String userId;

    @Column(name = "display_name")
    String displayName;

    @Column(name = "role")
    String role;

    @Column(name = "joined_at")
    OffsetDateTime joinedAt;

    @Column(name = "last_seen_at")
    OffsetDateTime lastSeenAt;

    protected MemberRow() {
    }

    MemberRow(String roomId, String userId, String displayName, Role role, Instant joinedAt, Instant lastSeenAt) {
        this.roomId = roomId;
        this.userId = userId;
        this.displayName = displayName;
        this.role = role.wire();
        this.joinedAt = Times.column(joinedAt);
        this.lastSeenAt = Times.column(lastSeenAt);
    }

    /** Changes go through the entity's own methods, where the JPA provider tracks them. */
    void changeRole(Role role) {
        this.role = role.wire();
    }

    Member toMember() {
        return new Member(roomId, userId, displayName, Role.fromWire(role).orElseThrow(), Times.instant(joinedAt),
                Times.instant(lastSeenAt));
    }

    /** The primary key: room and user. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String roomId;
        String userId;

        public Key() {
        }

        Key(String roomId, String userId) {
            this.roomId = roomId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.roomId.equals(roomId) && k.userId.equals(userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(roomId, userId);
        }
    }
}
