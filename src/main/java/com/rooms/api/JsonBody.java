package com.rooms.api;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

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
}
