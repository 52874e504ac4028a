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
        return HttpError.of(tooMany).response();
    }
}
