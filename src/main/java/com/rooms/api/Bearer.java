package com.rooms.api;

import jakarta.ws.rs.core.HttpHeaders;

import com.rooms.security.Identity;
import com.rooms.security.TokenRejected;
import com.rooms.security.TokenVerifier;

/** The caller of an API request, from its {@code Authorization: Bearer} header. */
public final class Bearer {
    private Bearer() {
    }

    public static Identity caller(HttpHeaders headers, TokenVerifier verifier) {
        String header = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthorized("a Bearer token is required");
        }
        try {
            return verifier.verify(header.substring(7).trim());
        } catch (TokenRejected rejected) {
            throw ApiException.unauthorized(rejected.getMessage());
        }
    }

    public static Identity admin(HttpHeaders headers, TokenVerifier verifier) {
        Identity caller = caller(headers, verifier);
        if (!caller.admin()) {
            throw ApiException.forbidden("administrators only");
        }
        return caller;
    }
}
