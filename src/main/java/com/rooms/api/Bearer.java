package com.rooms.api;

import jakarta.ws.rs.core.HttpHeaders;

import com.rooms.security.BearerHeader;
import com.rooms.security.Identity;
import com.rooms.security.TokenRejected;
import com.rooms.security.TokenVerifier;

/** The caller of an API request, from its {@code Authorization: Bearer} header (read by {@link BearerHeader}, as on the handshake). */
public final class Bearer {
    private Bearer() {
    }

    public static Identity caller(HttpHeaders headers, TokenVerifier verifier) {
        String token;
        try {
            token = BearerHeader.token(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        } catch (TokenRejected otherScheme) {
            token = null;
        }
        if (token == null) {
            throw ApiException.unauthorized("a Bearer token is required");
        }
        try {
            return verifier.verify(token);
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
