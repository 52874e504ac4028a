/**
 * The WebSocket adapter: the handshake filter (credentials, origin, limits,
 * before any upgrade), the {@code @ServerEndpoint} that reads frames and
 * hands them to {@code com.rooms.room}, and the session behind the room's
 * {@link com.rooms.room.Connection} port. With {@code com.rooms.benchmark},
 * the only code that imports {@code jakarta.websocket}.
 */
package com.rooms.websocket;
