package com.rooms.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refusal of the HTTP edge itself (bad input, no or bad credentials) answers its own status and code. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {
    @Override
    public Response toResponse(ApiException refused) {
        return HttpError.of(refused).response();
    }
}
