/**
 * The boundary between administration and the rooms live on this node.
 * Administration announces what it changed as CDI events
 * ({@link com.rooms.live.AdministrationEvent}), which the room side observes;
 * it asks who is connected through a read-only port
 * ({@link com.rooms.live.LiveRooms}). Neither side reaches into the other:
 * {@code admin/} and the HTTP edge know nothing of {@code room/}'s classes.
 */
package com.rooms.live;
