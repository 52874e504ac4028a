package com.rooms.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.rooms.membership.AccessRefused;

/**
 * A refused HTTP request and its body, {@code {"error": "<code>", "message": "<text>"}}:
 * the one error writer of the server, for JAX-RS resources ({@link #response()})
 * and for servlet filters such as the socket handshake ({@link #write}).
 */
public record HttpError(int status, String code, String message) {

    /** A room or member that does not exist is 404; any other refusal is 403. */
    public static HttpError of(AccessRefused refused) {
        return refused.missing() ? new HttpError(404, "not-found", refused.getMessage())
                : new HttpError(403, "forbidden", refused.getMessage());
    }

    /** The {@code error} code for a status that JAX-RS itself answered (unknown path, wrong method, ...). */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406, 415 -> "unsupported-media-type";
            case 409 -> "conflict";
            default -> status >= 500 ? "internal" : "bad-request";
        };
    }

    public String json() {
        return Json.createObjectBuilder().add("error", code).add("message", message).build().toString();
    }

    public Response response() {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(json()).build();
    }

    /** Writes status and body, not to be cached; the caller does not go on down the filter chain. */
    public void write(HttpServletResponse response) throws IOException {
        byte[] body = json().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
