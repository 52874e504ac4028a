package com.rooms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

/**
 * Room controls (PROTOCOL.md 3.3 and 7) over real sockets and HTTP: status,
 * lock, set-role and mute on the socket; locked and max_clients in the API,
 * refused handshakes and tickets, and what API changes tell the room.
 */
class RoomControlsIT {
    private final String admin = TestServer.adminToken();

    @Test
    void statusReachesEveryoneAndShowsInRoomInfo() {
        String room = TestServer.room("ctl-status");
        try (RoomClient ann = RoomClient.join(room, TestServer.user("ann"));
             RoomClient ben = RoomClient.join(room, TestServer.user("ben"))) {
            ann.send("{\"id\":\"s1\",\"type\":\"status\",\"data\":{\"hand\":true,\"audio\":false}}");
            JsonObject seen = ben.next("status").getJsonObject("data");
            assertEquals(ann.clientId, seen.getString("id"));
            assertEquals("{\"hand\":true,\"audio\":false}", seen.getJsonObject("status").toString());
            assertEquals("s1", ann.next("status").getString("ref"));

            ben.send("{\"type\":\"get-room-info\"}");
            JsonObject info = ben.next("room-info").getJsonObject("data");
            assertFalse(info.getBoolean("locked"));
            JsonObject annInfo = info.getJsonArray("clients").getValuesAs(JsonObject.class).stream()
                    .filter(c -> c.getString("id").equals(ann.clientId)).findFirst().orElseThrow();
            assertTrue(annInfo.getJsonObject("status").getBoolean("hand"));

            ann.send("{\"type\":\"status\",\"data\":{\"hand\":1}}");
            ann.error("invalid");
            assertTrue(ben.untilPong().stream().noneMatch(f -> f.getString("type").equals("status")),
                    "nobody is told of a refused status");
        }
    }

    @Test
    void aLockedRoomRefusesNewMembersButNotItsModeratorsAndUnlockingLetsThemIn() throws Exception {
        String room = TestServer.room("ctl-lock");
        String owner = TestServer.user("olga");
        String newcomer = TestServer.user("nick");
        try (RoomClient olga = RoomClient.join(room, owner);
             RoomClient ben = RoomClient.join(room, TestServer.user("ben"))) {
            ben.send("{\"type\":\"lock\"}");
            ben.error("forbidden");

            olga.send("{\"id\":\"l1\",\"type\":\"lock\"}");
            JsonObject state = ben.next("room-state");
            assertTrue(state.getJsonObject("data").getBoolean("locked"));
            assertEquals(olga.clientId, state.getString("sender"));
            assertEquals("l1", olga.next("room-state").getString("ref"));

            assertEntryRefused(room, newcomer, "locked");
            assertTrue(TestServer.json(TestServer.call("GET", "/api/rooms/" + room, null, admin).body())
                    .getBoolean("locked"));

            try (RoomClient again = RoomClient.join(room, owner)) {
                assertEquals("owner", again.role);
            }
            olga.send("{\"type\":\"unlock\"}");
            assertFalse(ben.next("room-state").getJsonObject("data").getBoolean("locked"));
            try (RoomClient nick = RoomClient.join(room, newcomer)) {
                assertEquals("member", nick.role);
            }
        }
    }

    @Test
    void anOwnerMakesAMemberModeratorAndItIsStored() {
        String room = TestServer.room("ctl-role");
        String benUser = TestServer.user("ben");
        try (RoomClient olga = RoomClient.join(room, TestServer.user("olga"));
             RoomClient ben = RoomClient.join(room, benUser)) {
            olga.send("{\"type\":\"set-role\",\"data\":{\"user_id\":\"" + benUser + "\",\"role\":\"moderator\"}}");
            JsonObject role = ben.next("role").getJsonObject("data");
            assertEquals(benUser, role.getString("user_id"));
            assertEquals("moderator", role.getString("role"));
            List<JsonObject> members = TestServer.json("{\"m\":" + TestServer.call("GET", "/api/rooms/" + room
                    + "/members", null, admin).body() + "}").getJsonArray("m").getValuesAs(JsonObject.class);
            assertEquals("moderator", members.stream().filter(m -> m.getString("user_id").equals(benUser))
                    .findFirst().orElseThrow().getString("role"));

            ben.send("{\"type\":\"set-role\",\"data\":{\"user_id\":\"" + benUser + "\",\"role\":\"member\"}}");
            ben.error("forbidden");
            olga.send("{\"type\":\"set-role\",\"data\":{\"user_id\":\"nobody-here\",\"role\":\"member\"}}");
            olga.error("no-such-client");
        }
    }

    @Test
    void aModeratorsMuteReachesItsReceiverOnlyAndAMembersIsForbidden() {
        String room = TestServer.room("ctl-mute");
        try (RoomClient olga = RoomClient.join(room, TestServer.user("olga"));
             RoomClient ann = RoomClient.join(room, TestServer.user("ann"));
             RoomClient ben = RoomClient.join(room, TestServer.user("ben"))) {
            olga.send("{\"type\":\"mute\",\"receiver\":\"" + ann.clientId + "\",\"data\":{\"kinds\":[\"audio\"]}}");
            JsonObject mute = ann.next("mute");
            assertEquals(olga.clientId, mute.getString("sender"));
            assertTrue(ben.untilPong().stream().noneMatch(f -> f.getString("type").equals("mute")));

            ann.send("{\"type\":\"mute\",\"receiver\":\"" + ben.clientId + "\"}");
            ann.error("forbidden");
            olga.send("{\"type\":\"mute\",\"data\":{\"kinds\":\"audio\"}}");
            olga.error("invalid");
            assertTrue(ben.untilPong().stream().noneMatch(f -> f.getString("type").equals("mute")));
        }
    }

    @Test
    void aFullRoomRefusesTheNextConnectionAndItsTicket() throws Exception {
        String room = TestServer.room("ctl-full");
        HttpResponse<String> created = TestServer.call("POST", "/api/rooms",
                "{\"id\":\"" + room + "\",\"max_clients\":2}", admin);
        assertEquals(201, created.statusCode(), created.body());
        JsonObject shown = TestServer.json(created.body());
        assertEquals(2, shown.getInt("max_clients"));
        assertFalse(shown.getBoolean("locked"));

        String third = TestServer.user("cy");
        try (RoomClient ann = RoomClient.join(room, TestServer.user("ann"));
             RoomClient ben = RoomClient.join(room, TestServer.user("ben"))) {
            assertEntryRefused(room, third, "room-full");
            ann.untilPong();
            ben.untilPong();
        }

        HttpResponse<String> lifted = TestServer.call("PATCH", "/api/rooms/" + room, "{\"max_clients\":null}", admin);
        assertEquals(JsonValue.NULL, TestServer.json(lifted.body()).get("max_clients"));
    }

    @Test
    void lockAndRoleChangesThroughTheApiAreAnnouncedByTheServer() {
        String room = TestServer.room("ctl-api");
        assertEquals(201, TestServer.call("POST", "/api/rooms", "{\"id\":\"" + room + "\"}", admin).statusCode());
        String benUser = TestServer.user("ben");
        try (RoomClient ben = RoomClient.join(room, benUser)) {
            HttpResponse<String> patched = TestServer.call("PATCH", "/api/rooms/" + room, "{\"locked\":true}", admin);
            assertEquals(200, patched.statusCode(), patched.body());
            JsonObject state = ben.next("room-state");
            assertTrue(state.getJsonObject("data").getBoolean("locked"));
            assertEquals("server", state.getString("sender"));

            assertEquals(200, TestServer.call("PUT", "/api/rooms/" + room + "/members/" + benUser,
                    "{\"role\":\"moderator\"}", admin).statusCode());
            JsonObject role = ben.next("role");
            assertEquals("server", role.getString("sender"));
            assertEquals("moderator", role.getJsonObject("data").getString("role"));

            TestServer.call("PATCH", "/api/rooms/" + room, "{\"name\":\"Renamed\"}", admin);
            assertTrue(ben.untilPong().stream().noneMatch(f -> f.getString("type").equals("room-state")),
                    "a PATCH that leaves locked alone announces nothing");
        }
    }

    /** Both ways in are refused 403 with that error: the handshake, and the tickets endpoint a page can read. */
    private static void assertEntryRefused(String room, String user, String error) throws Exception {
        RawHttp.Answer refused = RawHttp.handshake("/ws/rooms/" + room,
                RawHttp.upgrade("Authorization: Bearer " + TestServer.token(user)));
        assertEquals(403, refused.status());
        assertEquals(error, TestServer.json(refused.body()).getString("error"));
        HttpResponse<String> ticket = TestServer.call("POST", "/api/rooms/" + room + "/tickets", "{}",
                TestServer.token(user));
        assertEquals(403, ticket.statusCode());
        assertEquals(error, TestServer.json(ticket.body()).getString("error"), "a page can learn why");
    }

    @Test
    void badLockedAndMaxClientsAreRefusedWith400() {
        String room = TestServer.room("ctl-bad");
        for (String body : List.of("{\"id\":\"" + room + "\",\"max_clients\":0}",
                "{\"id\":\"" + room + "\",\"max_clients\":10001}", "{\"id\":\"" + room + "\",\"max_clients\":\"3\"}",
                "{\"id\":\"" + room + "\",\"max_clients\":2.5}", "{\"id\":\"" + room + "\",\"locked\":\"yes\"}")) {
            HttpResponse<String> refused = TestServer.call("POST", "/api/rooms", body, admin);
            assertEquals(400, refused.statusCode(), body);
            assertEquals("bad-request", TestServer.json(refused.body()).getString("error"));
        }
        assertEquals(404, TestServer.call("GET", "/api/rooms/" + room, null, admin).statusCode(), "nothing was made");
    }
}
