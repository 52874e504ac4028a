package com.rooms.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import com.rooms.admin.RoomExists;

/** Creating a room whose id is taken is 409 {@code conflict}. */
@Provider
public class RoomExistsMapper implements ExceptionMapper<RoomExists> {
    @Override
    public Response toResponse(RoomExists taken) {
        return new HttpError(409, "conflict", taken.getMessage()).response();
    }
}
