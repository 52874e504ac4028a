package com.rooms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Graceful shutdown (PROTOCOL.md 5): the drain that runs before Liberty stops. */
class DrainIT {
    private final String admin = TestServer.token(TestServer.user("operator"), "[\"admin\"]", 3600);

    @AfterEach
    void admitConnectionsAgain() {
        assertEquals(204, call("DELETE", admin).statusCode());
    }

    @Test
    void drainSendsEveryClientByeShutdownThenCloses1001AndRefusesNewcomers() {
        String room = TestServer.room("drain");
        try (RoomClient alice = RoomClient.join(room, TestServer.user("alice"));
             RoomClient bob = RoomClient.join(room, TestServer.user("bob"))) {

            assertEquals(204, call("POST", admin).statusCode());

            for (RoomClient client : new RoomClient[] {alice, bob}) {
                JsonObject bye = client.next("bye");
                assertEquals("shutdown", bye.getJsonObject("data").getString("reason"));
                assertEquals("server", bye.getString("sender"));
                assertEquals(1001, client.awaitClose());
            }
            RawHttp.Answer refused = handshake(room);
            assertEquals(503, refused.status());
            assertEquals("unavailable", TestServer.json(refused.body()).getString("error"));
            assertEquals(503, get("/health/ready").statusCode());
        }
    }

    @Test
    void aDrainCalledOffAdmitsConnectionsAgain() {
        assertEquals(204, call("POST", admin).statusCode());
        assertEquals(204, call("DELETE", admin).statusCode());

        assertEquals(200, get("/health/ready").statusCode());
        try (RoomClient carol = RoomClient.join(TestServer.room("resumed"), TestServer.user("carol"))) {
            assertEquals("back", carol.say("back").getString("text"));
        }
    }

    @Test
    void onlyAdministratorsMayDrain() {
        String member = TestServer.token(TestServer.user("mallory"));
        assertEquals(403, call("POST", member).statusCode());
        assertEquals(401, call("POST", null).statusCode());
        String room = TestServer.room("not-drained");
        try (RoomClient dave = RoomClient.join(room, TestServer.user("dave"))) {
            assertEquals("open", dave.say("open").getString("text"));
        }
    }

    private static HttpResponse<String> call(String method, String token) {
        return TestServer.call(method, "/api/admin/drain", null, token);
    }

    private static HttpResponse<String> get(String path) {
        return TestServer.call("GET", path, null, null);
    }

    private static RawHttp.Answer handshake(String room) {
        try {
            return RawHttp.handshake("/ws/rooms/" + room,
                    RawHttp.upgrade("Authorization: Bearer " + TestServer.token(TestServer.user("late"))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
