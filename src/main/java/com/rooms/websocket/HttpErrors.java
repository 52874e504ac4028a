package com.rooms.websocket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletResponse;

/** Writes the JSON error body of a refused request: {@code {"error": "<code>", "message": "<text>"}}. */
public final class HttpErrors {
    private HttpErrors() {
    }

    public static void write(HttpServletResponse response, int status, String code, String message) throws IOException {
        byte[] body = Json.createObjectBuilder().add("error", code).add("message", message).build().toString()
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
