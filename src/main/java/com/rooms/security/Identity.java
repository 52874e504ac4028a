package com.rooms.security;

import java.time.Instant;

/**
 * Who a verified token says the caller is.
 *
 * @param userId      the token's subject
 * @param displayName the {@code name} claim, else {@code preferred_username}, else the subject
 * @param admin       the token's groups contain the administrators' group
 * @param expiresAt   when the token, and so every connection opened with it, expires: its {@code exp}
 *                    plus the tolerated clock skew (the one rule the handshake and the session share)
 */
public record Identity(String userId, String displayName, boolean admin, Instant expiresAt) {
}
