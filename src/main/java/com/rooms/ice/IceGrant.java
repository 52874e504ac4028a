package com.rooms.ice;

import java.time.Instant;
import java.util.List;

import com.rooms.protocol.Payload;

/**
 * The ICE servers handed to one user.
 *
 * @param expiresAt when the TURN credentials in it expire, or null when it has none
 */
public record IceGrant(List<Payload.IceServer> servers, Instant expiresAt) {
}
