package com.rooms.room;

/**
 * @param nodeId           prefix of this node's client ids
 * @param keepAliveSeconds ping interval; a client silent for 2.5 intervals is cut (0: off)
 * @param perUserInRoom    connections one user may hold in one room at once (0: no limit)
 * @param perUser          connections one user may hold on this node at once (0: no limit)
 * @param resumeWindowSeconds how long a dropped connection's place is kept for a resume (0: resume is off)
 */
public record NodeSettings(String nodeId, int keepAliveSeconds, int perUserInRoom, int perUser,
                           int resumeWindowSeconds) {
    public static final int DEFAULT_RESUME_WINDOW = 20;

    public NodeSettings(String nodeId, int keepAliveSeconds) {
        this(nodeId, keepAliveSeconds, 0, 0, DEFAULT_RESUME_WINDOW);
    }
}
