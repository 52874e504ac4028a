package com.rooms.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.rooms.admin.RoomExists;
import com.rooms.membership.AccessRefused;
import com.rooms.security.TicketBook;

/**
 * A refused HTTP request and its body, {@code {"error": "<code>", "message": "<text>"}}:
 * the one error writer of the server, for JAX-RS resources ({@link #response()},
 * through the {@code ExceptionMapper}s) and for servlet filters such as the
 * socket handshake ({@link #write}). The {@code of} methods are the one place
 * where each domain refusal gets its status and code.
 *
 * @param retryAfterSeconds the {@code Retry-After} header, null for none
 */
public record HttpError(int status, String code, String message, Long retryAfterSeconds) {

    public HttpError(int status, String code, String message) {
        this(status, code, message, null);
    }

    public static HttpError of(ApiException refused) {
        return new HttpError(refused.status(), refused.code(), refused.getMessage());
    }

    /** A room or member that does not exist is 404; any other refusal is 403. */
    public static HttpError of(AccessRefused refused) {
        if (refused.missing()) {
            return new HttpError(404, "not-found", refused.getMessage());
        }
        return switch (refused.reason()) {
            case LOCKED -> new HttpError(403, "locked", refused.getMessage());
            case ROOM_FULL -> new HttpError(403, "room-full", refused.getMessage());
            default -> new HttpError(403, "forbidden", refused.getMessage());
        };
    }

    public static HttpError of(RoomExists taken) {
        return new HttpError(409, "conflict", taken.getMessage());
    }

    public static HttpError of(TicketBook.TooMany tooMany) {
        return rateLimited(tooMany.getMessage(), tooMany.retryAfterSeconds());
    }

    public static HttpError rateLimited(String message, long retryAfterSeconds) {
        return new HttpError(429, "rate-limited", message, retryAfterSeconds);
    }

    /** A status that JAX-RS itself answered (unknown path, wrong method, bad media type), with its reason phrase. */
    public static HttpError ofStatus(int status, String reasonPhrase) {
        return new HttpError(status, codeFor(status), reasonPhrase);
    }

    /** Anything unexpected; the cause is logged, not shown. */
    public static HttpError internal() {
        return new HttpError(500, "internal", "the server failed to answer this request");
    }

    static String codeFor(int status) {
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
        Response.ResponseBuilder answer = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(json());
        return (retryAfterSeconds == null ? answer : answer.header("Retry-After", retryAfterSeconds.toString())).build();
    }

    /** Writes status and body, not to be cached; the caller does not go on down the filter chain. */
    public void write(HttpServletResponse response) throws IOException {
        byte[] body = json().getBytes(StandardCharsets.UTF_8);
        if (retryAfterSeconds != null) {
            response.setHeader("Retry-After", retryAfterSeconds.toString());
        }
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
