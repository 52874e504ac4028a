package com.rooms.api;

import java.time.Duration;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.rooms.live.AdministrationEvent;
import com.rooms.security.SignInSetup;

/**
 * {@code POST /api/admin/drain} (administrators): every client gets
 * {@code bye} ({@code shutdown}) and close 1001, readiness turns DOWN and new
 * handshakes are refused with 503. Call it before stopping the server: Open
 * Liberty cuts WebSocket connections at the start of {@code server stop},
 * before the application could say goodbye (docs/operations.md).
 * {@code DELETE /api/admin/drain} takes a drain back: the server admits
 * connections again (for a stop that was called off).
 */
@Path("admin/drain")
@RequestScoped
public class DrainResource {
    @Inject
    Event<AdministrationEvent> events;

    @Inject
    SignInSetup signIn;

    @Context
    HttpHeaders headers;

    @POST
    public Response drain() {
        Bearer.admin(headers, signIn.verifier());
        events.fire(new AdministrationEvent.DrainRequested(Duration.ofSeconds(5)));
        return Response.noContent().build();
    }

    @DELETE
    public Response resume() {
        Bearer.admin(headers, signIn.verifier());
        events.fire(new AdministrationEvent.DrainCalledOff());
        return Response.noContent().build();
    }
}
