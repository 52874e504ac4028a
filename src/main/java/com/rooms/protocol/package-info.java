/**
 * The wire protocol of docs/PROTOCOL.md as types: client frames are decoded
 * by the one strict {@link com.rooms.protocol.FrameDecoder} into a
 * {@link com.rooms.protocol.ClientFrame} and its typed
 * {@link com.rooms.protocol.Command} (relayed data stays raw JSON, checked for
 * size only); server frames are {@link com.rooms.protocol.ServerFrame}s with
 * {@link com.rooms.protocol.Payload} records, written by
 * {@link com.rooms.protocol.FrameEncoder}. Error codes and close codes of the
 * protocol are the enums here. Nothing in this package knows rooms or sockets.
 */
package com.rooms.protocol;
