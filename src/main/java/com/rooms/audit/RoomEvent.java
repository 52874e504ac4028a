package com.rooms.audit;

import java.time.Instant;

/**
 * One entry of the audit trail ({@code room_event}).
 *
 * @param kind     what happened: see {@link Kind}
 * @param userId   whom it is about (null for a room-wide event)
 * @param actorId  who caused it, when somebody other than the user did
 * @param clientId the connection it came from, for events on the socket
 * @param detail   a leave reason, a new role, a purge's count
 */
public record RoomEvent(String roomId, Kind kind, String userId, String actorId, String clientId, String detail,
                        Instant at) {

    /** The kinds of event, as stored in {@code room_event.kind}. */
    public enum Kind {
        CREATED("created"),
        JOINED("joined"),
        LEFT("left"),
        KICKED("kicked"),
        CLEARED("cleared"),
        ROLE_CHANGED("role-changed"),
        LOCKED("locked"),
        UNLOCKED("unlocked"),
        MUTED("muted"),
        REMOVED("removed"),
        DELETED("deleted"),
        PURGED("purged");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }
}
