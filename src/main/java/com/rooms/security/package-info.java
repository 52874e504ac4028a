/**
 * Who is speaking and how much they may do: portal JWTs
 * ({@link com.rooms.security.JwtVerifier}, keys from a PEM file or a JWKS),
 * the demo sign-in of the dev mode, one-time tickets for browsers, the
 * allowed origins, display-name rules, and the rate limits (handshakes,
 * tickets, frames per connection) as token buckets.
 */
package com.rooms.security;
