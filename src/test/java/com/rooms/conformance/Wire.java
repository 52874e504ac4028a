package com.rooms.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** The server under test as the contract describes it: its base address, the demo sign-in, HTTP calls and JSON. */
final class Wire {
    static final String BASE = System.getProperty("rooms.it.base", "http://localhost:19080");
    static final URI BASE_URI = URI.create(BASE);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final Duration WAIT = Duration.ofSeconds(10);

    private Wire() {
    }

    /** A signed-in user of the demo sign-in. */
    record User(String id, String name, String token) {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    static String room(String prefix) {
        return unique(prefix);
    }

    static User user(String prefix) {
        return userWith(prefix, "[]", 3600);
    }

    static User admin(String prefix) {
        return userWith(prefix, "[\"admin\"]", 3600);
    }

    static User userWith(String prefix, String groups, int ttl) {
        String id = unique(prefix);
        String name = "Name " + id.substring(id.length() - 10);
        return new User(id, name, token(id, name, groups, ttl));
    }

    static String token(String user, String name, String groups, int ttl) {
        String body = Json.createObjectBuilder().add("user", user).add("name", name).build().toString();
        body = body.substring(0, body.length() - 1) + ",\"groups\":" + groups + ",\"ttl\":" + ttl + "}";
        HttpResponse<String> response = call("POST", "/api/dev/token", body, null);
        assertEquals(200, response.statusCode(), "dev sign-in: " + response.body());
        return json(response.body()).getString("token");
    }

    /** Any HTTP call; {@code body} null sends none, {@code token} null no Authorization. */
    static HttpResponse<String> call(String method, String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(WAIT).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        }
    }

    static HttpResponse<String> get(String path, String token) {
        return call("GET", path, null, token);
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    static JsonArray jsonArray(String text) {
        return Json.createReader(new StringReader(text)).readArray();
    }

    static JsonValue jsonValue(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    /** The JSON string literal of {@code s}. */
    static String str(String s) {
        return Json.createValue(s).toString();
    }

    /** Asserts the status and the contract's error body {"error", "message"}; returns the code. */
    static String assertError(int status, HttpResponse<String> response) {
        return assertErrorBody(status, response.statusCode(), response.body());
    }

    static String assertErrorBody(int expectedStatus, int status, String body) {
        assertEquals(expectedStatus, status, "status; body: " + body);
        JsonObject error;
        try {
            error = json(body);
        } catch (RuntimeException e) {
            fail("error body is not a JSON object: " + body);
            return null;
        }
        assertEquals(JsonValue.ValueType.STRING, error.get("error") == null ? null : error.get("error").getValueType(),
                "error code in " + body);
        assertEquals(JsonValue.ValueType.STRING, error.get("message") == null ? null : error.get("message").getValueType(),
                "message in " + body);
        return error.getString("error");
    }

    /** The claims of a JWT, read without checking it. */
    static JsonObject claims(String jwt) {
        String[] parts = jwt.split("\\.");
        assertEquals(3, parts.length, "a JWT has three parts: " + jwt);
        return json(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    /** Parses an ISO-8601 time and asserts it is in UTC. */
    static Instant utc(String time) {
        OffsetDateTime parsed;
        try {
            parsed = OffsetDateTime.parse(time);
        } catch (RuntimeException e) {
            fail("not an ISO-8601 time with offset: " + time);
            return null;
        }
        assertEquals(ZoneOffset.UTC, parsed.getOffset(), "time not in UTC: " + time);
        return parsed.toInstant();
    }

    static void assertNear(Instant expected, Instant actual, Duration tolerance, String what) {
        assertTrue(Duration.between(expected, actual).abs().compareTo(tolerance) <= 0,
                what + ": expected about " + expected + ", was " + actual);
    }

    /** Creates a room through the HTTP API as an administrator; returns the room object. */
    static JsonObject createRoom(User admin, String id, String visibility, String history) {
        String body = Json.createObjectBuilder().add("id", id).add("name", "Room " + id).add("visibility", visibility)
                .add("history", history).build().toString();
        HttpResponse<String> response = call("POST", "/api/rooms", body, admin.token());
        assertEquals(201, response.statusCode(), "create room: " + response.body());
        return json(response.body());
    }

    static void putMember(User caller, String room, String userId, String role, int expected) {
        HttpResponse<String> response = call("PUT", "/api/rooms/" + room + "/members/" + userId,
                "{\"role\":\"" + role + "\"}", caller.token());
        assertEquals(expected, response.statusCode(), "put member: " + response.body());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
