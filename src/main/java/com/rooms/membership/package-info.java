/**
 * Rooms and the people in them as stored: {@link com.rooms.membership.Room}
 * (its id rule, visibility and history setting), members and their
 * {@link com.rooms.membership.Role}, the {@link com.rooms.membership.RoomDirectory}
 * that keeps them (JPA behind it), and {@link com.rooms.membership.RoomAccess},
 * which decides who may enter a room and with which role.
 */
package com.rooms.membership;
