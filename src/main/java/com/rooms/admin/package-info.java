/**
 * The rules of administering rooms over the HTTP API
 * ({@link com.rooms.admin.RoomAdministration}): who may see and change which
 * room, its members and its messages, and what a change means for the rooms
 * live now, announced as {@code live/} events. It knows nothing of HTTP; its
 * refusals are domain exceptions that the HTTP edge ({@code api/}) maps.
 */
package com.rooms.admin;
