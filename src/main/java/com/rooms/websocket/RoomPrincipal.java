package com.rooms.websocket;

import java.security.Principal;

import com.rooms.membership.Admission;
import com.rooms.room.ChatClient;
import com.rooms.security.Identity;

/**
 * The signed-in user of a handshake and the room they were admitted to,
 * handed from the filter to the endpoint; {@code place} the kept place a
 * resume claimed (null: an ordinary join), {@code lastSeq} the last frame
 * its client read.
 */
record RoomPrincipal(Identity identity, Admission admission, ChatClient place, long lastSeq) implements Principal {
    @Override
    public String getName() {
        return identity.userId();
    }
}
