package com.rooms.protocol;

import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import com.rooms.membership.Names;

/**
 * The data of each request a client may make (PROTOCOL.md 3.3), read
 * strictly: a field of the wrong JSON type is {@code invalid}, never
 * converted, and a JSON {@code null} counts as absent.
 */
final class RequestData {
    private RequestData() {
    }

    static String text(JsonValue data) {
        String text = requiredString(dataObject(data, "text"), "text", "data.text");
        int length = FrameDecoder.codePoints(text);
        if (length < 1 || length > FrameDecoder.MAX_TEXT_LENGTH) {
            throw new FrameRejected(ErrorCode.INVALID,
                    "data.text must be 1 to " + FrameDecoder.MAX_TEXT_LENGTH + " characters, got " + length);
        }
        return text;
    }

    static String username(JsonValue data) {
        String name = requiredString(dataObject(data, "profile"), "username", "data.username");
        int length = FrameDecoder.codePoints(name);
        if (length < 1 || length > FrameDecoder.MAX_USERNAME_LENGTH) {
            throw new FrameRejected(ErrorCode.INVALID,
                    "data.username must be 1 to " + FrameDecoder.MAX_USERNAME_LENGTH + " characters, got " + length);
        }
        if (!Names.printable(name)) {
            throw new FrameRejected(ErrorCode.INVALID, "data.username contains control characters");
        }
        if (name.isBlank()) {
            throw new FrameRejected(ErrorCode.INVALID, "data.username is blank");
        }
        return name;
    }

    static String token(JsonValue data) {
        String token = requiredString(dataObject(data, "refresh"), "token", "data.token");
        if (token.isEmpty()) {
            throw new FrameRejected(ErrorCode.INVALID, "data.token is empty");
        }
        return token;
    }

    static Command.GetHistory getHistory(JsonValue data) {
        if (data == null || data == JsonValue.NULL) {
            return new Command.GetHistory(null, null, FrameDecoder.DEFAULT_HISTORY_LIMIT);
        }
        JsonObject object = dataObject(data, "get-history");
        Long before = optionalLong(object, "before");
        if (before != null && before < 1) {
            throw new FrameRejected(ErrorCode.INVALID, "data.before must be a message id (1 or more)");
        }
        Long after = optionalLong(object, "after");
        if (after != null && after < 0) {
            throw new FrameRejected(ErrorCode.INVALID, "data.after must be a message id (0 or more)");
        }
        if (before != null && after != null) {
            throw new FrameRejected(ErrorCode.INVALID, "data.before and data.after cannot be given together");
        }
        Long limit = optionalLong(object, "limit");
        if (limit != null && (limit < 1 || limit > FrameDecoder.MAX_HISTORY_LIMIT)) {
            throw new FrameRejected(ErrorCode.INVALID,
                    "data.limit must be 1 to " + FrameDecoder.MAX_HISTORY_LIMIT + ", got " + limit);
        }
        return new Command.GetHistory(before, after,
                limit == null ? FrameDecoder.DEFAULT_HISTORY_LIMIT : limit.intValue());
    }

    static Command.Kick kick(JsonValue data) {
        JsonObject object = dataObject(data, "kick");
        String clientId = optionalString(object, "id", "data.id");
        String userId = optionalString(object, "user_id", "data.user_id");
        if ((clientId == null) == (userId == null)) {
            throw new FrameRejected(ErrorCode.INVALID, "kick needs exactly one of data.id and data.user_id");
        }
        if ((clientId != null && clientId.isEmpty()) || (userId != null && userId.isEmpty())) {
            throw new FrameRejected(ErrorCode.INVALID, "kick target is empty");
        }
        return new Command.Kick(clientId, userId);
    }

    /** {@code status}: any subset of four booleans; other keys are ignored. */
    static Command.Status status(JsonValue data) {
        JsonObject object = dataObject(data, "status");
        return new Command.Status(optionalBoolean(object, "hand"), optionalBoolean(object, "audio"),
                optionalBoolean(object, "video"), optionalBoolean(object, "screen"));
    }

    static Command.SetRole setRole(JsonValue data) {
        JsonObject object = dataObject(data, "set-role");
        String userId = requiredString(object, "user_id", "data.user_id");
        if (!Names.userId(userId)) {
            throw new FrameRejected(ErrorCode.INVALID, "data.user_id is not a user id");
        }
        String role = requiredString(object, "role", "data.role");
        if (!role.equals("moderator") && !role.equals("member")) {
            throw new FrameRejected(ErrorCode.INVALID, "data.role must be moderator or member");
        }
        return new Command.SetRole(userId, role);
    }

    /**
     * {@code mute}'s data: nothing, or {@code kinds}, a non-empty array of
     * {@code audio} and {@code video}; the kinds named, audio when none are.
     */
    static List<String> muteKinds(JsonValue data) {
        if (data == null || data == JsonValue.NULL) {
            return List.of("audio");
        }
        JsonValue kinds = dataObject(data, "mute").get("kinds");
        if (kinds == null || kinds == JsonValue.NULL) {
            return List.of("audio");
        }
        if (kinds.getValueType() != JsonValue.ValueType.ARRAY || kinds.asJsonArray().isEmpty()) {
            throw new FrameRejected(ErrorCode.INVALID, "data.kinds must be a non-empty array of audio and video");
        }
        List<String> named = new ArrayList<>(2);
        for (JsonValue kind : kinds.asJsonArray()) {
            if (!(kind instanceof JsonString s) || !(s.getString().equals("audio") || s.getString().equals("video"))) {
                throw new FrameRejected(ErrorCode.INVALID, "data.kinds may hold only \"audio\" and \"video\"");
            }
            if (!named.contains(((JsonString) kind).getString())) {
                named.add(((JsonString) kind).getString());
            }
        }
        return List.copyOf(named);
    }

    private static Boolean optionalBoolean(JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        throw new FrameRejected(ErrorCode.INVALID, "data." + key + " must be true or false");
    }

    private static JsonObject dataObject(JsonValue data, String type) {
        if (data == null || data.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new FrameRejected(ErrorCode.INVALID, "data of " + type + " must be an object");
        }
        return data.asJsonObject();
    }

    private static String requiredString(JsonObject object, String key, String shown) {
        String value = optionalString(object, key, shown);
        if (value == null) {
            throw new FrameRejected(ErrorCode.INVALID, shown + " is missing");
        }
        return value;
    }

    private static String optionalString(JsonObject object, String key, String shown) {
        JsonValue value = object.get(key);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            if (FrameDecoder.hasLoneSurrogate(s.getString())) {
                throw new FrameRejected(ErrorCode.INVALID, shown + " holds a lone surrogate, which is not a character");
            }
            return s.getString();
        }
        throw new FrameRejected(ErrorCode.INVALID, shown + " must be a string");
    }

    private static Long optionalLong(JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.longValueExact();
            } catch (ArithmeticException e) {
                throw new FrameRejected(ErrorCode.INVALID, "data." + key + " is out of range");
            }
        }
        throw new FrameRejected(ErrorCode.INVALID, "data." + key + " must be a whole number");
    }
}
