package com.rooms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * Dead peers (PROTOCOL.md 6, docs/decisions.md): the integration-test server
 * pings every 10 s and cuts a connection that stayed silent for 25 s; its
 * place is kept for the resume window (10 s there, PROTOCOL.md 3.3) before
 * the room is told.
 */
class KeepAliveIT {

    @Test
    void aPeerThatNeverAnswersPingsIsClosed1001AndTheRoomToldTimeout() throws Exception {
        String room = TestServer.room("keepalive");
        try (RoomClient alive = RoomClient.join(room, TestServer.user("alive"));
             SilentPeer silent = SilentPeer.join(room, TestServer.token(TestServer.user("silent")))) {
            JsonObject joined = alive.next("joined");
            String silentId = joined.getJsonObject("data").getString("id");

            int code = silent.closeCode.get(45, TimeUnit.SECONDS);

            assertEquals(1001, code);
            assertTrue(silent.pings.get() >= 1, "the server pinged before giving up");
            JsonObject left = alive.next(f -> "left".equals(f.getString("type"))
                    && silentId.equals(f.getJsonObject("data").getString("id")), "left of the silent peer");
            assertEquals("timeout", left.getJsonObject("data").getString("reason"));
            assertEquals("still here", alive.say("still here").getString("text"),
                    "a client that answers pings stays connected");
        }
    }
}
