package com.rooms.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import com.rooms.membership.AccessRefused;

/** See {@link HttpError#of(AccessRefused)}. */
@Provider
public class AccessRefusedMapper implements ExceptionMapper<AccessRefused> {
    @Override
    public Response toResponse(AccessRefused refused) {
        return HttpError.of(refused).response();
    }
}
