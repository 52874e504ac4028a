package com.rooms.api;

import java.time.Instant;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import com.rooms.admin.MessagePage;
import com.rooms.admin.RoomView;
import com.rooms.history.ArchivedMessage;
import com.rooms.history.ChatMessage;
import com.rooms.live.LiveClient;
import com.rooms.membership.Member;

/** The HTTP API's JSON shapes (PROTOCOL.md 7), field by field. Times are ISO-8601 UTC. */
final class ApiJson {
    private ApiJson() {
    }

    /** {@code {"id", "name", "visibility", "history", "created_at", "online", "role"}} */
    static JsonObject room(RoomView view) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", view.room().id())
                .add("name", view.room().name())
                .add("visibility", view.room().visibility().wire())
                .add("history", view.room().history().wire())
                .add("locked", view.room().locked())
                .add("max_clients", view.room().maxClients() == null ? JsonValue.NULL
                        : Json.createValue(view.room().maxClients()))
                .add("created_at", view.room().createdAt().toString())
                .add("online", view.online());
        return (view.role() == null ? json.addNull("role") : json.add("role", view.role().wire())).build();
    }

    static String rooms(List<RoomView> views) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        views.forEach(v -> array.add(room(v)));
        return array.build().toString();
    }

    /** {@code {"user_id", "username", "role", "joined_at", "last_seen_at"}} */
    static JsonObject member(Member m) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("user_id", m.userId())
                .add("username", m.displayName())
                .add("role", m.role().wire())
                .add("joined_at", m.joinedAt().toString());
        return time(json, "last_seen_at", m.lastSeenAt()).build();
    }

    static String members(List<Member> members) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        members.forEach(m -> array.add(member(m)));
        return array.build().toString();
    }

    /** As in {@code room-info}: {@code {"id", "user_id", "username", "role"}} */
    static String clients(List<LiveClient> clients) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (LiveClient c : clients) {
            array.add(Json.createObjectBuilder().add("id", c.id()).add("user_id", c.userId())
                    .add("username", c.username()).add("role", c.role().wire()));
        }
        return array.build().toString();
    }

    /** As in {@code history}, plus {@code cleared} for administrators. */
    static JsonObject message(ArchivedMessage archived, boolean showCleared) {
        ChatMessage m = archived.message();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("message_id", m.id())
                .add("from", m.displayName())
                .add("user_id", m.userId())
                .add("time", m.sentAt().toString())
                .add("text", m.text())
                .add("private", m.isPrivate());
        if (m.isPrivate()) {
            json.add("to", m.toUserId());
        }
        if (showCleared) {
            json.add("cleared", archived.cleared());
        }
        return json.build();
    }

    static String messages(MessagePage page, String next) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        page.messages().forEach(m -> array.add(message(m, page.showCleared())));
        JsonObjectBuilder json = Json.createObjectBuilder().add("messages", array);
        return (next == null ? json.addNull("next") : json.add("next", next)).build().toString();
    }

    private static JsonObjectBuilder time(JsonObjectBuilder json, String key, Instant at) {
        return at == null ? json.addNull(key) : json.add(key, at.toString());
    }
}
