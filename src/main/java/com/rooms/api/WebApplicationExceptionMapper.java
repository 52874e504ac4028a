package com.rooms.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** What JAX-RS refused (unknown path, wrong method, bad media type): its status, with the reason phrase. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException refused) {
        int status = refused.getResponse().getStatus();
        return HttpError.ofStatus(status, refused.getResponse().getStatusInfo().getReasonPhrase()).response();
    }
}
