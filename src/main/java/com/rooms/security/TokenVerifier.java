package com.rooms.security;

/** Checks a bearer token and says who it signs in. */
public interface TokenVerifier {

    /** @throws TokenRejected when the token is malformed, badly signed, expired, or not for this server */
    Identity verify(String token);
}
