package com.rooms.security;

/**
 * The token of an {@code Authorization} header on a room socket handshake:
 * {@code Bearer} in any case, one space, then the token (surrounding spaces
 * dropped). No header at all is no token; any other scheme is refused.
 */
public final class BearerHeader {
    private static final String SCHEME = "Bearer ";

    private BearerHeader() {
    }

    /** The token, or null when there is no header; {@link TokenRejected} for any other scheme. */
    public static String token(String header) {
        if (header == null) {
            return null;
        }
        if (header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return header.substring(SCHEME.length()).trim();
        }
        throw new TokenRejected("Authorization must be a Bearer token");
    }
}
