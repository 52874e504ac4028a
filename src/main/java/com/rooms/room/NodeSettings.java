package com.rooms.room;

/**
 * @param nodeId           prefix of this node's client ids
 * @param keepAliveSeconds ping interval; a client silent for 2.5 intervals is cut (0: off)
 */
public record NodeSettings(String nodeId, int keepAliveSeconds) {
}
