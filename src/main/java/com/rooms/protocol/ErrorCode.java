package com.rooms.protocol;

/**
 * The {@code code} of an {@code error} frame (PROTOCOL.md section 4). A frame
 * refused with one of these costs its sender that error and nothing else.
 */
public enum ErrorCode {
    BAD_JSON("bad-json"),
    UNKNOWN_TYPE("unknown-type"),
    INVALID("invalid"),
    NO_SUCH_CLIENT("no-such-client"),
    FORBIDDEN("forbidden"),
    UNAUTHORIZED("unauthorized"),
    RATE_LIMITED("rate-limited"),
    UNAVAILABLE("unavailable");

    private final String wire;

    ErrorCode(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
