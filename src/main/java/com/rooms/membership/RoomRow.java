package com.rooms.membership;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.rooms.storage.Times;

/** A row of {@code room}; the schema is Liquibase's (liquibase/README.md). */
@Entity
@Table(name = "room")
public class RoomRow {
    @Id
    @Column(name = "id")
    String id;

    @Column(name = "name")
    String name;

    @Column(name = "visibility")
    String visibility;

    @Column(name = "history_setting")
    String history;

    @Column(name = "created_by")
    String createdBy;

    @Column(name = "created_at")
    OffsetDateTime createdAt;

    @Column(name = "locked")
    boolean locked;

    @Column(name = "max_clients")
    Integer maxClients;

    protected RoomRow() {
    }

    RoomRow(Room room) {
        this.id = room.id();
        this.createdBy = room.createdBy();
        this.createdAt = Times.column(room.createdAt());
        set(room);
    }

    void apply(RoomChange change) {
        set(toRoom().changedBy(change));
    }

    private void set(Room room) {
        name = room.name();
        visibility = room.visibility().wire();
        history = room.history().wire();
        locked = room.locked();
        maxClients = room.maxClients();
    }

    Room toRoom() {
        return new Room(id, name, Visibility.fromWire(visibility).orElseThrow(),
                HistorySetting.fromWire(history).orElseThrow(), createdBy, Times.instant(createdAt), locked, maxClients);
    }
}
