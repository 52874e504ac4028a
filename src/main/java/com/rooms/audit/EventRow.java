package com.rooms.audit;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import com.rooms.storage.Times;

/** A row of {@code room_event}. */
@Entity
@Table(name = "room_event")
public class EventRow {
    @Id
    @SequenceGenerator(name = "room_event_ids", sequenceName = "room_event_seq", allocationSize = 100)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "room_event_ids")
    @Column(name = "id")
    Long id;

    @Column(name = "room_id")
    String roomId;

    @Column(name = "kind")
    String kind;

    @Column(name = "user_id")
    String userId;

    @Column(name = "actor_user_id")
    String actorId;

    @Column(name = "client_id")
    String clientId;

    @Column(name = "detail")
    String detail;

    @Column(name = "at")
    OffsetDateTime at;

    protected EventRow() {
    }

    EventRow(RoomEvent event) {
        this.roomId = event.roomId();
        this.kind = event.kind().wire();
        this.userId = event.userId();
        this.actorId = event.actorId();
        this.clientId = event.clientId();
        this.detail = event.detail();
        this.at = Times.column(event.at());
    }
}
