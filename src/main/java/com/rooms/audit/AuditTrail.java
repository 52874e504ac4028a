package com.rooms.audit;

/** Where room events are recorded; written behind, never delaying the room. */
public interface AuditTrail {

    void record(RoomEvent event);

    AuditTrail NONE = event -> { };
}
