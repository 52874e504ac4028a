package com.rooms.api;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.rooms.membership.Names;
import com.rooms.security.DevSignIn;
import com.rooms.security.SignInSetup;

/**
 * The demo sign-in (PROTOCOL.md section 1): {@code POST /api/dev/token} with
 * {@code {"user", "name", "groups", "ttl"}} answers {@code {"token"}}. It
 * exists only in the dev configuration; in production it is 404.
 */
@Path("dev/token")
@RequestScoped
public class DevTokenResource {
    static final int MAX_USER_LENGTH = 64;

    @Inject
    SignInSetup signIn;

    @Inject
    Clock clock;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public String mint(String body) {
        DevSignIn dev = signIn.devSignIn();
        if (dev == null) {
            throw ApiException.notFound("the demo sign-in exists only in the dev configuration");
        }
        JsonObject request = JsonBody.object(body, false);
        String user = JsonBody.string(request, "user", true);
        if (!Names.printable(user, MAX_USER_LENGTH)) {
            throw ApiException.badRequest("user must be 1 to " + MAX_USER_LENGTH + " printable characters");
        }
        String name = JsonBody.string(request, "name", false);
        if (name != null && !Names.displayName(name)) {
            throw ApiException.badRequest("name must be 1 to " + Names.MAX_DISPLAY_NAME_LENGTH + " printable characters");
        }
        int ttl = ttl(request.get("ttl"));
        String token = dev.mint(user, name == null ? user : name, groups(request.get("groups")), ttl, clock.instant());
        return Json.createObjectBuilder().add("token", token).build().toString();
    }

    private static int ttl(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return DevSignIn.DEFAULT_TTL;
        }
        if (value instanceof JsonNumber n && n.isIntegral()) {
            long ttl;
            try {
                ttl = n.longValueExact();
            } catch (ArithmeticException e) {
                ttl = -1;
            }
            if (ttl >= DevSignIn.MIN_TTL && ttl <= DevSignIn.MAX_TTL) {
                return (int) ttl;
            }
        }
        throw ApiException.badRequest("ttl must be whole seconds from " + DevSignIn.MIN_TTL + " to " + DevSignIn.MAX_TTL);
    }

    private static List<String> groups(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw ApiException.badRequest("groups must be an array of strings");
        }
        List<String> groups = new ArrayList<>();
        for (JsonValue group : value.asJsonArray()) {
            if (!(group instanceof JsonString s)) {
                throw ApiException.badRequest("groups must be an array of strings");
            }
            groups.add(s.getString());
        }
        return groups;
    }
}
