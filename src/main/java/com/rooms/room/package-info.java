/**
 * The live rooms of this node and the relay between their clients.
 *
 * <p>{@link com.rooms.room.ChatManager} is the registry of open rooms and
 * lets admitted connections in; {@link com.rooms.room.ChatRoom} is one room:
 * who is in it and the delivery of frames in one order. What a client asks is
 * handled by {@code Commands} (decode, admit by frame rate, dispatch over
 * every {@link com.rooms.protocol.Command}, answer refusals with
 * {@code error}), moderation by {@code Moderation}, the frames the server
 * writes are built by {@code ServerFrames}. Every way of leaving a room is one
 * {@link com.rooms.room.Disconnect}. {@link com.rooms.room.ChatClient} is one
 * connection with its bounded {@code OutboundQueue}: never a socket write
 * under a lock, one write in flight, a slow client cut off (1013) without
 * stalling anyone. {@link com.rooms.room.Sweeper} watches credentials and
 * keep-alives, {@link com.rooms.room.Drain} takes the node out of service.
 *
 * <p>This package never imports {@code jakarta.websocket}: a connection is
 * the {@link com.rooms.room.Connection} port, implemented in
 * {@code com.rooms.websocket}. Chat is stored through
 * {@link com.rooms.history.HistoryStore} before it is delivered. Delivery
 * between the nodes of a cluster is to go through a bus port of this
 * package, with its Redis implementation in {@code com.rooms.cluster}.
 */
package com.rooms.room;
