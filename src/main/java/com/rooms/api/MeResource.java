package com.rooms.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import com.rooms.admin.RoomAdministration;
import com.rooms.security.SignInSetup;

/** {@code GET /api/me/rooms}: the rooms the caller is a member of. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {
    @Inject
    RoomAdministration rooms;

    @Inject
    SignInSetup signIn;

    @Context
    HttpHeaders headers;

    @GET
    @Path("rooms")
    public String myRooms() {
        return ApiJson.rooms(rooms.mine(Bearer.caller(headers, signIn.verifier())));
    }
}
