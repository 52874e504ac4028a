package com.rooms.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.rooms.storage.GroupCommit;

/** The audit trail in {@code room_event}, written with the chat's group commits. */
@ApplicationScoped
public class JpaAuditTrail implements AuditTrail {
    @Inject
    GroupCommit writer;

    @Override
    public void record(RoomEvent event) {
        writer.submit(em -> em.persist(new EventRow(event)));
    }
}
