package com.rooms.security;

/** A token that does not sign anybody in; the message says why, without echoing the token. */
public class TokenRejected extends RuntimeException {
    public TokenRejected(String message) {
        super(message, null, false, false);
    }
}
