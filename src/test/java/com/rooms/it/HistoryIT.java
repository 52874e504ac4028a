package com.rooms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** History on the socket (PROTOCOL.md 1.2, 3.2): what a joining client is shown, and paging backwards. */
class HistoryIT {
    private final String admin = TestServer.adminToken();

    @Test
    void aSharedRoomShowsNewcomersEverythingAndGetHistoryPagesBackwards() {
        String room = room("shared");
        try (RoomClient early = RoomClient.join(room, TestServer.user("early"))) {
            for (int i = 0; i < 5; i++) {
                early.say("s" + i);
            }
            try (RoomClient late = RoomClient.join(room, TestServer.user("late"))) {
                assertEquals(List.of("s0", "s1", "s2", "s3", "s4"), texts(late.joinHistory));
                late.send("{\"id\":\"h1\",\"type\":\"get-history\",\"data\":{\"limit\":2}}");
                JsonObject newest = late.next("history");
                assertEquals("h1", newest.getString("ref"));
                assertEquals(List.of("s3", "s4"), texts(newest));
                assertTrue(newest.getJsonObject("data").getBoolean("more"));
                long before = newest.getJsonObject("data").getJsonArray("messages").getJsonObject(0)
                        .getJsonNumber("message_id").longValue();
                late.send("{\"type\":\"get-history\",\"data\":{\"before\":" + before + ",\"limit\":200}}");
                JsonObject older = late.next("history");
                assertEquals(List.of("s0", "s1", "s2"), texts(older));
                assertFalse(older.getJsonObject("data").getBoolean("more"));
                late.send("{\"id\":\"h3\",\"type\":\"get-history\",\"data\":{\"limit\":201}}");
                assertEquals("h3", late.error("invalid").getString("ref"));
            }
        }
    }

    @Test
    void aSinceJoinRoomShowsOnlyWhatWasSaidAfterTheUserFirstBecameAMember() {
        String room = room("since-join");
        String returning = TestServer.user("returning");
        try (RoomClient early = RoomClient.join(room, TestServer.user("early"))) {
            early.say("before anyone else");
            try (RoomClient first = RoomClient.join(room, returning)) {
                early.say("while they were here");
            }
            early.say("while they were away");
            try (RoomClient back = RoomClient.join(room, returning)) {
                assertEquals(List.of("while they were here", "while they were away"), texts(back.joinHistory),
                        "membership began at the first visit, not this one");
            }
        }
    }

    @Test
    void aNoneRoomShowsNothingSaidBeforeThisConnection() {
        String room = room("none");
        try (RoomClient early = RoomClient.join(room, TestServer.user("early"))) {
            early.say("unseen");
            try (RoomClient late = RoomClient.join(room, TestServer.user("late"))) {
                assertEquals(List.of(), texts(late.joinHistory));
                early.say("seen live");
                assertEquals("seen live", late.next("text").getJsonObject("data").getString("text"));
                late.send("{\"type\":\"get-history\"}");
                assertEquals(List.of("seen live"), texts(late.next("history")));
            }
        }
    }

    @Test
    void aPrivateRoomRefusesNonMembersAtTheHandshake() throws Exception {
        String room = TestServer.room("private");
        assertEquals(201, TestServer.call("POST", "/api/rooms",
                "{\"id\":\"" + room + "\",\"visibility\":\"private\"}", admin).statusCode());
        RawHttp.Answer refused = RawHttp.handshake("/ws/rooms/" + room,
                RawHttp.upgrade("Authorization: Bearer " + TestServer.token(TestServer.user("stranger"))));
        assertEquals(403, refused.status());
        assertEquals("forbidden", TestServer.json(refused.body()).getString("error"));
    }

    private String room(String history) {
        String id = TestServer.room("hist");
        assertEquals(201, TestServer.call("POST", "/api/rooms",
                "{\"id\":\"" + id + "\",\"history\":\"" + history + "\"}", admin).statusCode());
        return id;
    }

    private static List<String> texts(JsonObject history) {
        return history.getJsonObject("data").getJsonArray("messages").stream()
                .map(m -> m.asJsonObject().getString("text")).collect(Collectors.toList());
    }
}
