package com.rooms.api;

import java.io.StringReader;
import java.math.BigDecimal;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import com.rooms.membership.Room;
import com.rooms.membership.RoomChange;

/** A request body that must be one JSON object, read strictly: a wrong type is 400, never coerced. */
public final class JsonBody {
    private JsonBody() {
    }

    /** The body as an object; an empty body counts as {@code {}} when {@code emptyIsObject}. */
    public static JsonObject object(String body, boolean emptyIsObject) {
        if (emptyIsObject && (body == null || body.isBlank())) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (var reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() == JsonValue.ValueType.OBJECT) {
                return value.asJsonObject();
            }
        } catch (JsonException | IllegalStateException e) {
            // answered below
        }
        throw ApiException.badRequest("the body must be a JSON object");
    }

    /** A string field; null when absent or JSON null, unless required. */
    public static String string(JsonObject request, String key, boolean required) {
        JsonValue value = request.get(key);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                throw ApiException.badRequest(key + " is required");
            }
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        throw ApiException.badRequest(key + " must be a string");
    }

    /** A boolean field; null when absent or JSON null. */
    public static Boolean bool(JsonObject request, String key) {
        JsonValue value = request.get(key);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        throw ApiException.badRequest(key + " must be true or false");
    }

    /**
     * {@code max_clients}: absent (null), JSON null ({@link RoomChange#NO_LIMIT}),
     * or a whole number from 1 to {@link Room#MAX_CLIENTS_LIMIT}.
     */
    public static Integer maxClients(JsonObject request) {
        JsonValue value = request.get("max_clients");
        if (value == null) {
            return null;
        }
        if (value == JsonValue.NULL) {
            return RoomChange.NO_LIMIT;
        }
        if (value instanceof JsonNumber n && n.isIntegral() && n.bigDecimalValue().compareTo(BigDecimal.ONE) >= 0
                && n.bigDecimalValue().compareTo(BigDecimal.valueOf(Room.MAX_CLIENTS_LIMIT)) <= 0) {
            return n.intValue();
        }
        throw ApiException.badRequest("max_clients must be a whole number from 1 to " + Room.MAX_CLIENTS_LIMIT
                + ", or null for no limit");
    }
}
