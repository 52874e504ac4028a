package com.rooms.live;

import java.time.Duration;

import com.rooms.membership.Role;
import com.rooms.membership.Room;

/**
 * What administration did that the rooms live on this node must act on,
 * fired as a CDI event once the change is stored. Observers run in the
 * firing thread, so the change has reached the connected clients when
 * {@code fire} returns.
 */
public sealed interface AdministrationEvent {

    /** The room is gone: its clients get {@code bye} ({@code room-deleted}) and close 4004. */
    record RoomDeleted(String roomId) implements AdministrationEvent {
    }

    /** The room's settings changed; its clients are told the new ones. */
    record SettingsChanged(Room room) implements AdministrationEvent {
    }

    /** A member's role changed; their connections to the room take it at once. */
    record RoleChanged(String roomId, String userId, Role role) implements AdministrationEvent {
    }

    /** A membership ended: the user's connections to the room close as if kicked. */
    record MemberRemoved(String roomId, String userId) implements AdministrationEvent {
    }

    /** Every client gets {@code bye} ({@code shutdown}) and close 1001; waits up to {@code grace} for the closes. */
    record DrainRequested(Duration grace) implements AdministrationEvent {
    }

    /** A drain was called off: the node admits connections again. */
    record DrainCalledOff() implements AdministrationEvent {
    }
}
