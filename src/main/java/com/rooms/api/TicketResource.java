package com.rooms.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.rooms.membership.Names;
import com.rooms.membership.RoomAccess;
import com.rooms.security.Identity;
import com.rooms.security.SignInSetup;
import com.rooms.security.TicketBook;

/**
 * {@code POST /api/rooms/{roomId}/tickets} (PROTOCOL.md 1.1, 7): a one-time
 * ticket with which a browser opens the room socket, since it cannot send a
 * token on a WebSocket handshake. For members, or anyone for a public room;
 * issuing one creates nothing. The answer must not be cached.
 */
@Path("rooms/{roomId}/tickets")
@RequestScoped
public class TicketResource {
    @Inject
    SignInSetup signIn;

    @Inject
    RoomAccess access;

    @Inject
    TicketBook tickets;

    @Context
    HttpHeaders headers;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response issue(@PathParam("roomId") String roomId, String body) {
        Identity caller = Bearer.caller(headers, signIn.verifier());
        if (!Names.roomId(roomId)) {
            throw ApiException.badRequest(Names.ROOM_ID_RULE);
        }
        if (!JsonBody.object(body, true).isEmpty()) {
            throw ApiException.badRequest("the body must be empty or {}");
        }
        access.checkEntry(roomId, caller);
        String ticket = tickets.issue(caller, roomId);
        String json = Json.createObjectBuilder().add("ticket", ticket)
                .add("expires_in", TicketBook.LIFETIME.toSeconds()).build().toString();
        return Response.status(201).entity(json).header("Cache-Control", "no-store").build();
    }
}
