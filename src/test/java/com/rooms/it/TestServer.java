package com.rooms.it;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** The Liberty server under test, started by the build; tokens from its demo sign-in. */
final class TestServer {
    static final String BASE = System.getProperty("rooms.it.base", "http://localhost:19080");
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private TestServer() {
    }

    static String room(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String user(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String token(String user, String groups, int ttl) {
        String body = "{\"user\":\"" + user + "\",\"name\":\"" + user + "\",\"groups\":" + groups + ",\"ttl\":" + ttl + "}";
        HttpResponse<String> response = post("/api/dev/token", body, null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("dev sign-in answered " + response.statusCode() + ": " + response.body());
        }
        return json(response.body()).getString("token");
    }

    static String token(String user) {
        return token(user, "[]", 3600);
    }

    static HttpResponse<String> post(String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** Any API call; {@code body} null sends none, {@code token} null no Authorization. */
    static HttpResponse<String> call(String method, String path, String body, String token) {
        return callAt(BASE, method, path, body, token);
    }

    static HttpResponse<String> callAt(String base, String method, String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    static String adminToken() {
        return token(user("admin"), "[\"admin\"]", 3600);
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
