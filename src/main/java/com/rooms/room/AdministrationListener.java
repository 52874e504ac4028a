package com.rooms.room;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.rooms.live.AdministrationEvent;

/** Carries administration's changes ({@link AdministrationEvent}) to the rooms live on this node. */
@ApplicationScoped
public class AdministrationListener {
    @Inject
    ChatManager manager;

    void roomDeleted(@Observes AdministrationEvent.RoomDeleted event) {
        manager.roomDeleted(event.roomId());
    }

    void settingsChanged(@Observes AdministrationEvent.SettingsChanged event) {
        manager.settingsChanged(event.room());
    }

    void roleChanged(@Observes AdministrationEvent.RoleChanged event) {
        manager.roleChanged(event.roomId(), event.userId(), event.role());
    }

    void memberRemoved(@Observes AdministrationEvent.MemberRemoved event) {
        manager.memberRemoved(event.roomId(), event.userId());
    }

    void drainRequested(@Observes AdministrationEvent.DrainRequested event) {
        manager.shutdown(event.grace());
    }

    void drainCalledOff(@Observes AdministrationEvent.DrainCalledOff event) {
        manager.resume();
    }
}
