package com.rooms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Caps on what one user may hold (the shared test server: 5 connections per
 * user in a room, 8 per user on the node, 30 tickets per user per 10 s):
 * each refusal has its own code, nobody else is affected, and a closed
 * connection frees its place.
 */
class ConnectionCapsIT {

    private static RawHttp.Answer handshake(String room, String token) throws Exception {
        return RawHttp.handshake("/ws/rooms/" + room, RawHttp.upgrade("Authorization: Bearer " + token));
    }

    @Test
    void aSixthConnectionOfOneUserToOneRoomIsRefusedUntilOneCloses() throws Exception {
        String room = TestServer.room("caps");
        String user = TestServer.user("many");
        String token = TestServer.token(user);
        List<RoomClient> open = new ArrayList<>();
        try (RoomClient other = RoomClient.join(room, TestServer.user("other"))) {
            for (int i = 0; i < 5; i++) {
                open.add(RoomClient.join(room, user, token));
            }
            RawHttp.Answer refused = handshake(room, token);
            assertEquals(429, refused.status(), refused.body());
            assertEquals("too-many-in-room", TestServer.json(refused.body()).getString("error"));
            assertEquals(101, handshake(TestServer.room("elsewhere"), token).status(), "another room still admits");
            assertEquals(101, handshake(room, TestServer.token(TestServer.user("colleague"))).status(),
                    "another user is not affected");
            open.remove(0).close();
            awaitAdmitted(room, token);
            assertEquals("still", other.say("still").getString("text"));
        } finally {
            open.forEach(RoomClient::close);
        }
    }

    @Test
    void oneUserHoldsAtMostEightConnectionsOnTheNode() throws Exception {
        String user = TestServer.user("spread");
        String token = TestServer.token(user);
        List<RoomClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                open.add(RoomClient.join(TestServer.room("spread" + i % 2), user, token));
            }
            RawHttp.Answer refused = handshake(TestServer.room("third"), token);
            assertEquals(429, refused.status(), refused.body());
            assertEquals("too-many-connections", TestServer.json(refused.body()).getString("error"));
        } finally {
            open.forEach(RoomClient::close);
        }
    }

    @Test
    void ticketsPastThirtyPerUserAre429WithRetryAfterAndOthersStillGetThem() {
        String token = TestServer.token(TestServer.user("tickets"));
        String room = TestServer.room("tickets");
        HttpResponse<String> last = null;
        int issued = 0;
        while (issued < 60) {
            last = TestServer.post("/api/rooms/" + room + "/tickets", "{}", token);
            if (last.statusCode() != 201) {
                break;
            }
            issued++;
        }
        assertEquals(429, last.statusCode(), last.body());
        assertEquals("rate-limited", TestServer.json(last.body()).getString("error"));
        assertTrue(issued >= 30 && issued < 40, "30 per 10 s (and a few refilled meanwhile): " + issued);
        assertTrue(Integer.parseInt(last.headers().firstValue("Retry-After").orElse("0")) >= 1);
        assertEquals(201, TestServer.post("/api/rooms/" + room + "/tickets", "{}",
                TestServer.token(TestServer.user("neighbour"))).statusCode());
    }

    /** The server counts a close when the transport reports it: a new handshake is admitted within the deadline. */
    private static void awaitAdmitted(String room, String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int status;
        do {
            status = handshake(room, token).status();
            if (status == 101) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        assertEquals(101, status, "a place freed by a closed connection was not given back");
    }
}
