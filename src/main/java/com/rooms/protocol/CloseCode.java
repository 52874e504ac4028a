package com.rooms.protocol;

/** WebSocket close codes the server uses (PROTOCOL.md section 6). */
public enum CloseCode {
    GOING_AWAY(1001),
    BINARY_FRAME(1003),
    POLICY(1008),
    TOO_BIG(1009),
    INTERNAL_ERROR(1011),
    TOO_SLOW(1013),
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
}
