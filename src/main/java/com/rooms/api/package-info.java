/**
 * The HTTP edge: every JAX-RS resource under {@code /api} (PROTOCOL.md 7),
 * the reading of requests (Bearer caller, JSON bodies, query parameters) and
 * the writing of answers (JSON shapes, exports). Failures become
 * {@code {"error", "message"}} in one place: the {@code ExceptionMapper}s here
 * and {@link com.rooms.api.HttpError}, which the socket handshake and the body
 * limit filter write with too. Resources convert and delegate; the rules are
 * in {@code admin/}, {@code membership/} and {@code security/}.
 */
package com.rooms.api;
