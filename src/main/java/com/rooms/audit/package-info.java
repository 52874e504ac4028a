/**
 * The audit trail administrators query: one {@link com.rooms.audit.RoomEvent}
 * per join, leave, kick, clear and purge, written through the group-commit
 * writer into {@code room_event}.
 */
package com.rooms.audit;
