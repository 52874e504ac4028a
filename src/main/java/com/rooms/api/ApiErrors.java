package com.rooms.api;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every failed API call answers {@code {"error": "<code>", "message": "<text>"}}:
 * the application's own refusals, JAX-RS's (unknown path, wrong method, bad
 * media type) and anything unexpected (500, logged).
 */
@Provider
public class ApiErrors implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof ApiException api) {
            return body(api.status(), api.code(), api.getMessage());
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return body(status, codeFor(status), web.getResponse().getStatusInfo().getReasonPhrase());
        }
        LOG.log(Level.SEVERE, "API call failed", failure);
        return body(500, "internal", "the server failed to answer this request");
    }

    static Response body(int status, String code, String message) {
        String json = Json.createObjectBuilder().add("error", code).add("message", message).build().toString();
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(json).build();
    }

    private static String codeFor(int status) {
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
}
