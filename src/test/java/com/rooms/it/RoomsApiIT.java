package com.rooms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

/** The HTTP API of PROTOCOL.md 7, every call with its refusals, against the running server. */
class RoomsApiIT {
    private final String admin = TestServer.adminToken();

    @Test
    void anAdministratorCreatesARoomAndOwnsIt() {
        String id = TestServer.room("api-create");
        HttpResponse<String> created = call("POST", "/api/rooms",
                "{\"id\":\"" + id + "\",\"name\":\"Stand-up\",\"visibility\":\"private\",\"history\":\"since-join\"}", admin);

        assertEquals(201, created.statusCode(), created.body());
        JsonObject room = TestServer.json(created.body());
        assertEquals(id, room.getString("id"));
        assertEquals("Stand-up", room.getString("name"));
        assertEquals("private", room.getString("visibility"));
        assertEquals("since-join", room.getString("history"));
        assertEquals(0, room.getInt("online"));
        assertEquals("owner", room.getString("role"));
        assertNotNull(Instant.parse(room.getString("created_at")));
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/api/rooms/" + id));

        HttpResponse<String> again = call("POST", "/api/rooms", "{\"id\":\"" + id + "\"}", admin);
        assertError(409, "conflict", again);
    }

    @Test
    void onlyAdministratorsCreateRooms() {
        String id = TestServer.room("api-nobody");
        assertError(403, "forbidden", call("POST", "/api/rooms", "{\"id\":\"" + id + "\"}", member("mia")));
        assertError(401, "unauthorized", call("POST", "/api/rooms", "{\"id\":\"" + id + "\"}", null));
        assertError(401, "unauthorized", call("POST", "/api/rooms", "{\"id\":\"" + id + "\"}", "not.a.token"));
        assertEquals(404, call("GET", "/api/rooms/" + id, null, admin).statusCode(), "nothing was created");
    }

    @Test
    void malformedRoomsAreRefusedWith400() {
        String id = TestServer.room("api-bad");
        for (String body : List.of("not json", "[]", "{}", "{\"id\":\"Upper-Case\"}", "{\"id\":7}",
                "{\"id\":\"" + id + "\",\"visibility\":\"secret\"}", "{\"id\":\"" + id + "\",\"history\":\"forever\"}",
                "{\"id\":\"" + id + "\",\"name\":\"" + "n".repeat(201) + "\"}", "{\"id\":\"" + id + "\",\"name\":\" \"}",
                "{\"id\":\"" + id + "\",\"name\":[\"x\"]}")) {
            assertError(400, "bad-request", call("POST", "/api/rooms", body, admin));
        }
        assertEquals(404, call("GET", "/api/rooms/" + id, null, admin).statusCode());
    }

    @Test
    void aPrivateRoomIsShownToItsMembersAndAdministratorsOnly() {
        String id = createRoom("private", "shared");
        String insider = TestServer.user("ian");
        String outsider = TestServer.user("oz");
        assertEquals(201, call("PUT", "/api/rooms/" + id + "/members/" + insider, "{\"role\":\"member\"}", admin)
                .statusCode());

        assertError(403, "forbidden", call("GET", "/api/rooms/" + id, null, TestServer.token(outsider)));
        JsonObject seen = TestServer.json(call("GET", "/api/rooms/" + id, null, TestServer.token(insider)).body());
        assertEquals("member", seen.getString("role"));
        assertTrue(ids(call("GET", "/api/rooms", null, TestServer.token(insider))).contains(id));
        assertFalse(ids(call("GET", "/api/rooms", null, TestServer.token(outsider))).contains(id));
        assertTrue(ids(call("GET", "/api/rooms", null, admin)).contains(id));
        assertTrue(ids(call("GET", "/api/me/rooms", null, TestServer.token(insider))).contains(id));
        assertFalse(ids(call("GET", "/api/me/rooms", null, TestServer.token(outsider))).contains(id));
        assertError(403, "forbidden", call("GET", "/api/rooms/" + id + "/members", null, TestServer.token(outsider)));
        assertError(403, "forbidden", call("GET", "/api/rooms/" + id + "/clients", null, TestServer.token(outsider)));
        assertError(403, "forbidden", call("GET", "/api/rooms/" + id + "/messages", null, TestServer.token(outsider)));
    }

    @Test
    void aPublicRoomIsShownToAnyoneAndItsRoleIsNullForStrangers() {
        String id = createRoom("public", "shared");
        JsonObject seen = TestServer.json(call("GET", "/api/rooms/" + id, null, member("sam")).body());
        assertEquals(JsonValue.NULL, seen.get("role"));
        assertTrue(ids(call("GET", "/api/rooms", null, member("sam"))).contains(id));
    }

    @Test
    void unknownRoomsAre404AndMalformedIds400() {
        String missing = TestServer.room("api-missing");
        for (String[] c : new String[][] {{"GET", ""}, {"PATCH", ""}, {"DELETE", ""}, {"GET", "/members"},
                {"GET", "/clients"}, {"GET", "/messages"}, {"PUT", "/members/someone"},
                {"DELETE", "/members/someone"}, {"GET", "/messages/export"}}) {
            String body = c[0].equals("PATCH") ? "{\"name\":\"x\"}" : c[0].equals("PUT") ? "{\"role\":\"member\"}" : null;
            assertError(404, "not-found", call(c[0], "/api/rooms/" + missing + c[1], body, admin));
            assertError(400, "bad-request", call(c[0], "/api/rooms/Bad.Id" + c[1], body, admin));
        }
    }

    @Test
    void ownersAndAdministratorsChangeARoomMembersMayNot() {
        String id = createRoom("public", "shared");
        String owner = TestServer.user("olga");
        String plain = TestServer.user("pete");
        call("PUT", "/api/rooms/" + id + "/members/" + owner, "{\"role\":\"owner\"}", admin);
        call("PUT", "/api/rooms/" + id + "/members/" + plain, "{\"role\":\"moderator\"}", admin);

        HttpResponse<String> renamed = call("PATCH", "/api/rooms/" + id, "{\"name\":\"Renamed\"}", TestServer.token(owner));
        assertEquals(200, renamed.statusCode(), renamed.body());
        assertEquals("Renamed", TestServer.json(renamed.body()).getString("name"));
        assertEquals("public", TestServer.json(renamed.body()).getString("visibility"));
        assertError(403, "forbidden", call("PATCH", "/api/rooms/" + id, "{\"name\":\"Mine\"}", TestServer.token(plain)));
        assertError(400, "bad-request", call("PATCH", "/api/rooms/" + id, "{\"history\":\"sometimes\"}", admin));
        assertError(400, "bad-request", call("PATCH", "/api/rooms/" + id, "{\"name\":false}", admin));
        JsonObject patched = TestServer.json(call("PATCH", "/api/rooms/" + id,
                "{\"visibility\":\"private\",\"history\":\"none\"}", admin).body());
        assertEquals("private", patched.getString("visibility"));
        assertEquals("none", patched.getString("history"));
        assertEquals("Renamed", patched.getString("name"));
        assertError(403, "forbidden", call("DELETE", "/api/rooms/" + id, null, TestServer.token(owner)));
    }

    @Test
    void puttingAMemberAddsThenChangesAndTheNewRoleActsAtOnce() {
        String id = createRoom("public", "shared");
        String userId = TestServer.user("mod");
        HttpResponse<String> added = call("PUT", "/api/rooms/" + id + "/members/" + userId, "{\"role\":\"member\"}", admin);
        assertEquals(201, added.statusCode(), added.body());
        JsonObject member = TestServer.json(added.body());
        assertEquals(userId, member.getString("user_id"));
        assertEquals(JsonValue.NULL, member.get("last_seen_at"), "never signed in");
        assertError(400, "bad-request", call("PUT", "/api/rooms/" + id + "/members/" + userId, "{\"role\":\"king\"}", admin));
        assertError(400, "bad-request", call("PUT", "/api/rooms/" + id + "/members/" + userId, "{}", admin));

        try (RoomClient mod = RoomClient.join(id, userId);
             RoomClient target = RoomClient.join(id, TestServer.user("target"))) {
            mod.send("{\"id\":\"k1\",\"type\":\"kick\",\"data\":{\"id\":\"" + target.clientId + "\"}}");
            assertEquals("forbidden", mod.error("forbidden").getJsonObject("data").getString("code"));

            HttpResponse<String> promoted = call("PUT", "/api/rooms/" + id + "/members/" + userId,
                    "{\"role\":\"moderator\"}", admin);
            assertEquals(200, promoted.statusCode(), promoted.body());
            mod.send("{\"id\":\"k2\",\"type\":\"kick\",\"data\":{\"id\":\"" + target.clientId + "\"}}");
            assertEquals("kicked", target.next("bye").getJsonObject("data").getString("reason"));
            assertEquals(4003, target.awaitClose());
        }
        JsonArray members = TestServer.json("{\"m\":" + call("GET", "/api/rooms/" + id + "/members", null, admin).body() + "}")
                .getJsonArray("m");
        JsonObject mod = members.stream().map(JsonValue::asJsonObject).filter(m -> m.getString("user_id").equals(userId))
                .findFirst().orElseThrow();
        assertEquals("moderator", mod.getString("role"));
    }

    @Test
    void removingAMemberClosesTheirConnectionsAsKicked() {
        String id = createRoom("private", "shared");
        String userId = TestServer.user("gone");
        call("PUT", "/api/rooms/" + id + "/members/" + userId, "{\"role\":\"member\"}", admin);
        try (RoomClient watcher = RoomClient.join(id, TestServer.user("watcher"), admin);
             RoomClient leaving = RoomClient.join(id, userId)) {
            assertEquals(204, call("DELETE", "/api/rooms/" + id + "/members/" + userId, null, admin).statusCode());
            assertEquals("kicked", leaving.next("bye").getJsonObject("data").getString("reason"));
            assertEquals(4003, leaving.awaitClose());
            JsonObject left = watcher.next("left").getJsonObject("data");
            assertEquals(leaving.clientId, left.getString("id"));
        }
        assertError(404, "not-found", call("DELETE", "/api/rooms/" + id + "/members/" + userId, null, admin));
        RawHttp.Answer refused = handshake(id, TestServer.token(userId));
        assertEquals(403, refused.status(), "no longer a member of the private room");
    }

    @Test
    void deletingARoomSaysByeRoomDeletedAndCloses4004() {
        String id = createRoom("public", "shared");
        try (RoomClient alice = RoomClient.join(id, TestServer.user("alice"))) {
            alice.say("soon gone");
            assertError(403, "forbidden", call("DELETE", "/api/rooms/" + id, null, member("bob")));
            assertEquals(204, call("DELETE", "/api/rooms/" + id, null, admin).statusCode());
            assertEquals("room-deleted", alice.next("bye").getJsonObject("data").getString("reason"));
            assertEquals(4004, alice.awaitClose());
        }
        assertError(404, "not-found", call("GET", "/api/rooms/" + id, null, admin));
    }

    @Test
    void clientsAreTheConnectionsOfNow() {
        String id = createRoom("public", "shared");
        try (RoomClient alice = RoomClient.join(id, TestServer.user("alice"));
             RoomClient bob = RoomClient.join(id, TestServer.user("bob"))) {
            JsonArray clients = array(call("GET", "/api/rooms/" + id + "/clients", null, TestServer.token(alice.user)));
            assertEquals(List.of(alice.clientId, bob.clientId).stream().sorted().collect(Collectors.toList()),
                    clients.stream().map(c -> c.asJsonObject().getString("id")).sorted().collect(Collectors.toList()));
            assertEquals(2, TestServer.json(call("GET", "/api/rooms/" + id, null, admin).body()).getInt("online"));
        }
    }

    @Test
    void messagesComeNewestFirstInPagesLinkedByNext() {
        String id = createRoom("public", "shared");
        try (RoomClient alice = RoomClient.join(id, TestServer.user("alice"))) {
            for (int i = 0; i < 5; i++) {
                alice.say("m" + i);
            }
            String token = TestServer.token(alice.user);
            List<String> seen = new ArrayList<>();
            String path = "/api/rooms/" + id + "/messages?limit=2";
            int pages = 0;
            while (path != null) {
                JsonObject page = TestServer.json(call("GET", path, null, token).body());
                page.getJsonArray("messages").forEach(m -> seen.add(m.asJsonObject().getString("text")));
                path = page.isNull("next") ? null : page.getString("next");
                pages++;
                assertTrue(pages <= 3, "three pages at most");
            }
            assertEquals(List.of("m4", "m3", "m2", "m1", "m0"), seen);
            JsonObject first = TestServer.json(call("GET", "/api/rooms/" + id + "/messages?limit=1", null, token).body())
                    .getJsonArray("messages").getJsonObject(0);
            assertEquals(alice.user, first.getString("user_id"));
            assertFalse(first.getBoolean("private"));
            assertFalse(first.containsKey("cleared"), "cleared is shown to administrators only");
        }
    }

    @Test
    void messagesFilterByUserWordsAndTime() {
        String id = createRoom("public", "shared");
        try (RoomClient alice = RoomClient.join(id, TestServer.user("alice"));
             RoomClient bob = RoomClient.join(id, TestServer.user("bob"))) {
            alice.say("Release on Friday");
            Instant between = Instant.parse(bob.say("release notes are up").getString("time"));
            alice.say("lunch?");
            String base = "/api/rooms/" + id + "/messages?";
            assertEquals(List.of("lunch?", "Release on Friday"), texts(call("GET", base + "user=" + alice.user, null, admin)));
            assertEquals(List.of("release notes are up", "Release on Friday"), texts(call("GET", base + "q=RELEASE", null, admin)));
            assertEquals(List.of("Release on Friday"), texts(call("GET", base + "q=" + enc("friday release"), null, admin)));
            assertEquals(List.of("lunch?", "release notes are up"), texts(call("GET", base + "since=" + enc(between.toString()), null, admin)));
            assertEquals(List.of("Release on Friday"), texts(call("GET", base + "until=" + enc(between.toString()), null, admin)));
        }
    }

    @Test
    void malformedMessageParametersAre400() {
        String id = createRoom("public", "shared");
        for (String query : List.of("limit=0", "limit=501", "limit=ten", "before=-1", "before=abc", "after=1.5",
                "since=yesterday", "until=2026-11-20", "include_cleared=yes", "q=", "user=", "sort=asc",
                "limit=1&limit=2")) {
            assertError(400, "bad-request", call("GET", "/api/rooms/" + id + "/messages?" + query, null, admin));
        }
        assertEquals(200, call("GET", "/api/rooms/" + id + "/messages?limit=500&include_cleared=false", null, admin)
                .statusCode());
    }

    @Test
    void clearedMessagesAreHiddenFromMembersAndShownMarkedToAdministratorsWhoAsk() {
        String id = createRoom("public", "shared");
        try (RoomClient owner = RoomClient.join(id, TestServer.user("owner"), admin)) {
            owner.say("before the clear");
            owner.send("{\"id\":\"c\",\"type\":\"clear-chat\"}");
            owner.next("clear-chat");
            owner.say("after the clear");
            String memberToken = member("reader");
            call("PUT", "/api/rooms/" + id + "/members/" + userOf(memberToken), "{\"role\":\"member\"}", admin);
            assertEquals(List.of("after the clear"), texts(call("GET", "/api/rooms/" + id + "/messages", null, memberToken)));
            assertError(403, "forbidden", call("GET", "/api/rooms/" + id + "/messages?include_cleared=true", null, memberToken));
            JsonArray all = TestServer.json(call("GET", "/api/rooms/" + id + "/messages?include_cleared=true", null, admin)
                    .body()).getJsonArray("messages");
            assertEquals(2, all.size());
            assertFalse(all.getJsonObject(0).getBoolean("cleared"));
            assertTrue(all.getJsonObject(1).getBoolean("cleared"));
            assertEquals(List.of("after the clear"), texts(call("GET", "/api/rooms/" + id + "/messages", null, admin)));
        }
    }

    @Test
    void theHistorySettingDecidesWhatMembersReadThroughTheApi() {
        String sinceJoin = createRoom("public", "since-join");
        String none = createRoom("public", "none");
        try (RoomClient early = RoomClient.join(sinceJoin, TestServer.user("early"));
             RoomClient earlyNone = RoomClient.join(none, TestServer.user("early"))) {
            early.say("said before the late one joined");
            earlyNone.say("never shown");
            try (RoomClient late = RoomClient.join(sinceJoin, TestServer.user("late"));
                 RoomClient lateNone = RoomClient.join(none, TestServer.user("late"))) {
                early.say("said after");
                assertEquals(List.of("said after"),
                        texts(call("GET", "/api/rooms/" + sinceJoin + "/messages", null, TestServer.token(late.user))));
                assertEquals(List.of(), texts(call("GET", "/api/rooms/" + none + "/messages", null,
                        TestServer.token(lateNone.user))));
                assertEquals(List.of("never shown"), texts(call("GET", "/api/rooms/" + none + "/messages", null, admin)));
            }
        }
    }

    @Test
    void anExportStreamsTheWholeHistoryAsNdjsonOrCsvForAdministrators() {
        String id = createRoom("public", "shared");
        try (RoomClient alice = RoomClient.join(id, TestServer.user("alice"))) {
            alice.say("hello, \\\"world\\\"");
            alice.say("=HYPERLINK(1)");
        }
        HttpResponse<String> ndjson = call("GET", "/api/rooms/" + id + "/messages/export?format=ndjson", null, admin);
        assertEquals(200, ndjson.statusCode(), ndjson.body());
        assertTrue(ndjson.headers().firstValue("Content-Type").orElseThrow().startsWith("application/x-ndjson"));
        List<JsonObject> lines = ndjson.body().lines()
                .map(l -> Json.createReader(new StringReader(l)).readObject()).collect(Collectors.toList());
        assertEquals(List.of("hello, \"world\"", "=HYPERLINK(1)"),
                lines.stream().map(l -> l.getString("text")).collect(Collectors.toList()), "oldest first");
        assertFalse(lines.get(0).getBoolean("cleared"));

        HttpResponse<String> csv = call("GET", "/api/rooms/" + id + "/messages/export?format=csv", null, admin);
        assertEquals(200, csv.statusCode());
        List<String> rows = csv.body().lines().collect(Collectors.toList());
        assertEquals("message_id,time,user_id,from,to,private,cleared,text", rows.get(0));
        assertTrue(rows.get(1).endsWith(",false,false,\"hello, \"\"world\"\"\""), rows.get(1));
        assertTrue(rows.get(2).endsWith(",\"'=HYPERLINK(1)\""), "a formula is defused: " + rows.get(2));

        assertError(400, "bad-request", call("GET", "/api/rooms/" + id + "/messages/export?format=xml", null, admin));
        assertError(403, "forbidden", call("GET", "/api/rooms/" + id + "/messages/export", null, member("nosy")));
    }

    @Test
    void theApiIsDescribedAtOpenapi() {
        HttpResponse<String> description = TestServer.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(TestServer.BASE + "/openapi")).header("Accept", "application/json").build());
        assertEquals(200, description.statusCode());
        JsonObject paths = TestServer.json(description.body()).getJsonObject("paths");
        for (String path : List.of("/api/rooms", "/api/rooms/{roomId}", "/api/rooms/{roomId}/members/{userId}",
                "/api/rooms/{roomId}/messages", "/api/rooms/{roomId}/messages/export", "/api/me/rooms")) {
            assertTrue(paths.containsKey(path), path + " is described");
        }
        JsonObject schemas = TestServer.json(description.body()).getJsonObject("components").getJsonObject("schemas");
        for (String body : List.of("NewRoom", "RoomChange")) {
            JsonObject properties = schemas.getJsonObject(body).getJsonObject("properties");
            assertTrue(properties.containsKey("locked") && properties.containsKey("max_clients"), body + ": " + properties);
        }
    }

    private String createRoom(String visibility, String history) {
        String id = TestServer.room("api");
        HttpResponse<String> created = call("POST", "/api/rooms", "{\"id\":\"" + id + "\",\"visibility\":\"" + visibility
                + "\",\"history\":\"" + history + "\"}", admin);
        assertEquals(201, created.statusCode(), created.body());
        return id;
    }

    private static HttpResponse<String> call(String method, String path, String body, String token) {
        return TestServer.call(method, path, body, token);
    }

    private static String member(String prefix) {
        return TestServer.token(TestServer.user(prefix));
    }

    private static String userOf(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return TestServer.json(payload).getString("sub");
    }

    private static void assertError(int status, String code, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code, TestServer.json(response.body()).getString("error"), response.body());
    }

    private static JsonArray array(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    private static List<String> ids(HttpResponse<String> response) {
        return array(response).stream().map(r -> r.asJsonObject().getString("id")).collect(Collectors.toList());
    }

    private static List<String> texts(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return TestServer.json(response.body()).getJsonArray("messages").stream()
                .map(m -> m.asJsonObject().getString("text")).collect(Collectors.toList());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static RawHttp.Answer handshake(String room, String token) {
        try {
            return RawHttp.handshake("/ws/rooms/" + room, RawHttp.upgrade("Authorization: Bearer " + token));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
