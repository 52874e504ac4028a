package com.rooms.api;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Anything no other mapper takes is 500 {@code internal}, and logged. */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        LOG.log(Level.SEVERE, "API call failed", failure);
        return HttpError.internal().response();
    }
}
