/**
 * Rooms and their members: a room's settings, who belongs to it with which
 * role, who may enter it ({@link com.rooms.membership.RoomAccess}), the
 * repository behind them ({@link com.rooms.membership.RoomDirectory}), and the
 * text rules for room ids, names and user ids that the socket and the HTTP
 * API share ({@link com.rooms.membership.Names}).
 */
package com.rooms.membership;
