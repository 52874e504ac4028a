package com.rooms.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import com.rooms.admin.RoomExists;

/** Creating a room whose id is taken: see {@link HttpError#of(RoomExists)}. */
@Provider
public class RoomExistsMapper implements ExceptionMapper<RoomExists> {
    @Override
    public Response toResponse(RoomExists taken) {
        return HttpError.of(taken).response();
    }
}
