package com.rooms.room;

import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.rooms.live.AdministrationEvent;
import com.rooms.protocol.Payload;

/** Carries administration's changes ({@link AdministrationEvent}) to the rooms live on this node. */
@ApplicationScoped
public class AdministrationListener {
    @Inject
    ChatManager manager;

    @Inject
    Drain drain;

    /** Its clients get {@code bye} ({@code room-deleted}) and close 4004. */
    void roomDeleted(@Observes AdministrationEvent.RoomDeleted event) {
        manager.closeRoom(event.roomId(), Disconnect.ROOM_DELETED);
    }

    /**
     * New settings apply from now on (the name in {@code room-info}, the
     * history of new joins); a change of {@code locked} is announced with
     * {@code room-state}.
     */
    void settingsChanged(@Observes AdministrationEvent.SettingsChanged event) {
        ifOpen(event.room().id(), room -> {
            boolean wasLocked = room.settings().locked();
            room.settingsChanged(event.room());
            if (wasLocked != event.room().locked()) {
                room.announce("room-state", new Payload.RoomState(event.room().locked()));
            }
        });
    }

    /** The user's connections act with the new role, and everyone is told ({@code role}). */
    void roleChanged(@Observes AdministrationEvent.RoleChanged event) {
        ifOpen(event.roomId(), room -> {
            room.roleChanged(event.userId(), event.role());
            room.announce("role", new Payload.RoleChanged(event.userId(),
                    room.actingRole(event.userId(), event.role()).wire()));
        });
    }

    /** The user's membership ended: their connections to the room are closed as if kicked. */
    void memberRemoved(@Observes AdministrationEvent.MemberRemoved event) {
        ifOpen(event.roomId(), room -> room.moderation().removeUser(event.userId()));
    }

    void drainRequested(@Observes AdministrationEvent.DrainRequested event) {
        drain.begin(event.grace());
    }

    void drainCalledOff(@Observes AdministrationEvent.DrainCalledOff event) {
        drain.end();
    }

    private void ifOpen(String roomId, Consumer<ChatRoom> change) {
        ChatRoom room = manager.room(roomId);
        if (room != null) {
            change.accept(room);
        }
    }
}
