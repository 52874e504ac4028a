package com.rooms.security;

import java.util.OptionalLong;

/**
 * How many handshakes a user and an address may make (PROTOCOL.md 1.1):
 * by default 20 per 10 s per user and 60 per 10 s per address. An address
 * is counted before anything else is checked, so guessing tickets or tokens
 * is throttled too; a user only once their credentials were verified, so
 * nobody can lock another user out with forged tokens in their name.
 */
public final class HandshakeLimits {
    private final Throttle perUser;
    private final Throttle perAddress;

    public HandshakeLimits(Throttle perUser, Throttle perAddress) {
        this.perUser = perUser;
        this.perAddress = perAddress;
    }

    /** Empty when the address may go on; otherwise the seconds to wait. */
    public OptionalLong address(String address, long now) {
        return perAddress.take(address, now);
    }

    public OptionalLong user(String userId, long now) {
        return perUser.take(userId, now);
    }
}
