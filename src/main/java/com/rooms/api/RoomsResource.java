package com.rooms.api;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import com.rooms.admin.MessageFilter;
import com.rooms.admin.MessagePage;
import com.rooms.admin.RoomAdministration;
import com.rooms.admin.RoomView;
import com.rooms.membership.Enrolment;
import com.rooms.membership.HistorySetting;
import com.rooms.membership.Names;
import com.rooms.membership.Role;
import com.rooms.membership.Room;
import com.rooms.membership.RoomChange;
import com.rooms.membership.Visibility;
import com.rooms.security.Identity;
import com.rooms.security.SignInSetup;

/** {@code /api/rooms}: rooms, members, live clients and messages (PROTOCOL.md 7). Rules live in {@link RoomAdministration}. */
@Path("rooms")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RoomsResource {
    @Inject
    RoomAdministration rooms;

    @Inject
    SignInSetup signIn;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @POST
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RoomRequests.NewRoom.class)))
    public Response create(String body) {
        Identity caller = caller();
        JsonObject request = JsonBody.object(body, false);
        String id = JsonBody.string(request, "id", true);
        roomId(id);
        String name = JsonBody.string(request, "name", false);
        Boolean locked = JsonBody.bool(request, "locked");
        Integer maxClients = JsonBody.maxClients(request);
        Room wanted = new Room(id, name == null ? id : name(name),
                visibility(JsonBody.string(request, "visibility", false), Visibility.PUBLIC),
                history(JsonBody.string(request, "history", false), HistorySetting.SHARED), caller.userId(), null,
                Boolean.TRUE.equals(locked), maxClients == null || maxClients == RoomChange.NO_LIMIT ? null : maxClients);
        RoomView created = rooms.create(caller, wanted);
        return Response.created(URI.create("/api/rooms/" + id)).entity(ApiJson.room(created).toString()).build();
    }

    @GET
    public String list() {
        return ApiJson.rooms(rooms.enterable(caller()));
    }

    @GET
    @Path("{roomId}")
    public String get(@PathParam("roomId") String roomId) {
        Identity caller = caller();
        return ApiJson.room(rooms.get(caller, roomId(roomId))).toString();
    }

    @PATCH
    @Path("{roomId}")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RoomRequests.RoomChange.class)))
    public String update(@PathParam("roomId") String roomId, String body) {
        Identity caller = caller();
        roomId(roomId);
        JsonObject request = JsonBody.object(body, false);
        String name = JsonBody.string(request, "name", false);
        RoomChange change = new RoomChange(name == null ? null : name(name),
                visibility(JsonBody.string(request, "visibility", false), null),
                history(JsonBody.string(request, "history", false), null), JsonBody.bool(request, "locked"),
                JsonBody.maxClients(request));
        return ApiJson.room(rooms.update(caller, roomId, change)).toString();
    }

    @DELETE
    @Path("{roomId}")
    public Response delete(@PathParam("roomId") String roomId) {
        Identity caller = caller();
        rooms.delete(caller, roomId(roomId));
        return Response.noContent().build();
    }

    @GET
    @Path("{roomId}/members")
    public String members(@PathParam("roomId") String roomId) {
        Identity caller = caller();
        return ApiJson.members(rooms.members(caller, roomId(roomId)));
    }

    @PUT
    @Path("{roomId}/members/{userId}")
    public Response setRole(@PathParam("roomId") String roomId, @PathParam("userId") String userId, String body) {
        Identity caller = caller();
        roomId(roomId);
        userId(userId);
        String wire = JsonBody.string(JsonBody.object(body, false), "role", true);
        Role role = Role.fromWire(wire)
                .orElseThrow(() -> ApiException.badRequest("role must be owner, moderator or member"));
        Enrolment enrolment = rooms.setRole(caller, roomId, userId, role);
        return Response.status(enrolment.created() ? 201 : 200).entity(ApiJson.member(enrolment.member()).toString())
                .build();
    }

    @DELETE
    @Path("{roomId}/members/{userId}")
    public Response removeMember(@PathParam("roomId") String roomId, @PathParam("userId") String userId) {
        Identity caller = caller();
        rooms.removeMember(caller, roomId(roomId), userId(userId));
        return Response.noContent().build();
    }

    @GET
    @Path("{roomId}/clients")
    public String clients(@PathParam("roomId") String roomId) {
        Identity caller = caller();
        return ApiJson.clients(rooms.clients(caller, roomId(roomId)));
    }

    @GET
    @Path("{roomId}/messages")
    public String messages(@PathParam("roomId") String roomId) {
        Identity caller = caller();
        roomId(roomId);
        MessageFilter filter = QueryParams.messageFilter(uri.getQueryParameters());
        MessagePage page = rooms.messages(caller, roomId, filter);
        String next = null;
        if (page.nextBefore() != null) {
            URI nextUri = uri.getRequestUriBuilder().replaceQueryParam("before", page.nextBefore()).build();
            next = nextUri.getRawPath() + "?" + nextUri.getRawQuery();
        }
        return ApiJson.messages(page, next);
    }

    /** The whole history, streamed: NDJSON (one message object a line) or CSV. */
    @GET
    @Path("{roomId}/messages/export")
    @Produces({"application/x-ndjson", "text/csv"})
    public Response export(@PathParam("roomId") String roomId, @QueryParam("format") String format) {
        Identity caller = caller();
        roomId(roomId);
        ExportFormat chosen = ExportFormat.of(format == null ? "ndjson" : format)
                .orElseThrow(() -> ApiException.badRequest("format must be ndjson or csv"));
        rooms.mayExport(caller, roomId);
        StreamingOutput body = output -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 65536);
            chosen.header(writer);
            try {
                rooms.export(roomId, m -> {
                    try {
                        chosen.write(writer, m);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        };
        return Response.ok(body, chosen.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + roomId + "-messages." + chosen.extension() + "\"")
                .build();
    }

    private Identity caller() {
        return Bearer.caller(headers, signIn.verifier());
    }

    private static String roomId(String roomId) {
        if (!Names.roomId(roomId)) {
            throw ApiException.badRequest(Names.ROOM_ID_RULE);
        }
        return roomId;
    }

    private static String userId(String userId) {
        if (!Names.userId(userId)) {
            throw ApiException.badRequest("a user id is 1 to " + Names.MAX_USER_ID_LENGTH + " printable characters");
        }
        return userId;
    }

    private static String name(String name) {
        if (!Names.roomName(name)) {
            throw ApiException.badRequest("name must be 1 to " + Room.MAX_NAME_LENGTH + " printable characters");
        }
        return name;
    }

    private static Visibility visibility(String wire, Visibility otherwise) {
        if (wire == null) {
            return otherwise;
        }
        return Visibility.fromWire(wire).orElseThrow(() -> ApiException.badRequest("visibility must be public or private"));
    }

    private static HistorySetting history(String wire, HistorySetting otherwise) {
        if (wire == null) {
            return otherwise;
        }
        return HistorySetting.fromWire(wire)
                .orElseThrow(() -> ApiException.badRequest("history must be shared, since-join or none"));
    }
}
