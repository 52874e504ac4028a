package com.rooms.websocket;

import java.security.Principal;

import com.rooms.membership.Admission;
import com.rooms.security.Identity;

/** The signed-in user of a handshake and the room they were admitted to, handed from the filter to the endpoint. */
record RoomPrincipal(Identity identity, Admission admission) implements Principal {
    @Override
    public String getName() {
        return identity.userId();
    }
}
