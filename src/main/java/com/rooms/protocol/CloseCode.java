package com.rooms.protocol;

/** WebSocket close codes the server uses (PROTOCOL.md section 6). */
public enum CloseCode {
    NORMAL(1000),
    GOING_AWAY(1001),
    BINARY_FRAME(1003),
    POLICY(1008),
    TOO_BIG(1009),
    INTERNAL_ERROR(1011),
    TOO_SLOW(1013),
    /** Sent by a client that will resume (PROTOCOL.md 3.3): its place is kept. */
    RECONNECTING(4000),
    EXPIRED(4001),
    KICKED(4003),
    ROOM_DELETED(4004);

    private final int code;

    CloseCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** No close frame came: the network dropped (1006, reported by the container, never sent). */
    public static final int ABNORMAL = 1006;

    /**
     * Whether a connection that ended with this code from its client keeps
     * its place for a resume (PROTOCOL.md 3.3): no close frame, or the
     * client's 4000. Containers report a connection that ended without a
     * close frame differently: Payara (Tyrus) as 1006, Open Liberty as 1011
     * (its read-error path), so 1011 counts as a drop too. A browser cannot
     * send 1011 (its {@code WebSocket.close} takes only 1000 and 3000 to
     * 4999), so only a non-browser client's own 1011 is taken for a drop.
     */
    public static boolean keepsPlace(int clientCode) {
        return clientCode == ABNORMAL || clientCode == INTERNAL_ERROR.code || clientCode == RECONNECTING.code;
    }
}
