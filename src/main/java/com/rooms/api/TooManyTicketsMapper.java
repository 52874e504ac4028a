package com.rooms.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import com.rooms.security.TicketBook;

/** Too many tickets is 429 {@code rate-limited} with {@code Retry-After} in seconds. */
@Provider
public class TooManyTicketsMapper implements ExceptionMapper<TicketBook.TooMany> {
    @Override
    public Response toResponse(TicketBook.TooMany tooMany) {
        return Response.fromResponse(new HttpError(429, "rate-limited", tooMany.getMessage()).response())
                .header("Retry-After", Long.toString(tooMany.retryAfterSeconds())).build();
    }
}
