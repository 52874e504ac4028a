package com.rooms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HandshakeIT {

    @Test
    void plainGetIs400WithJsonBody() throws Exception {
        RawHttp.Answer answer = RawHttp.handshake("/ws/rooms/" + TestServer.room("plain"));
        assertEquals(400, answer.status());
        assertEquals("bad-request", TestServer.json(answer.body()).getString("error"));
        assertTrue(answer.headers().contains("application/json"), answer.headers());
    }

    @Test
    void malformedRoomIdIs400() throws Exception {
        for (String id : new String[] {"Upper", "a.b", "x".repeat(65), "sp%20ace"}) {
            RawHttp.Answer answer = RawHttp.handshake("/ws/rooms/" + id,
                    RawHttp.upgrade("Authorization: Bearer " + TestServer.token(TestServer.user("h"))));
            assertEquals(400, answer.status(), id);
            assertEquals("bad-request", TestServer.json(answer.body()).getString("error"));
        }
    }

    @Test
    void missingTokenIs401() throws Exception {
        RawHttp.Answer answer = RawHttp.handshake("/ws/rooms/" + TestServer.room("nt"), RawHttp.upgrade());
        assertEquals(401, answer.status());
        assertEquals("unauthorized", TestServer.json(answer.body()).getString("error"));
    }

    @Test
    void garbageAndTamperedTokensAre401() throws Exception {
        String good = TestServer.token(TestServer.user("t"));
        String tampered = good.substring(0, good.length() - 4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA");
        for (String token : new String[] {"garbage", "a.b.c", tampered}) {
            RawHttp.Answer answer = RawHttp.handshake("/ws/rooms/" + TestServer.room("gt"),
                    RawHttp.upgrade("Authorization: Bearer " + token));
            assertEquals(401, answer.status(), token);
            assertEquals("unauthorized", TestServer.json(answer.body()).getString("error"));
        }
    }

    @Test
    void validTokenUpgrades() throws Exception {
        RawHttp.Answer answer = RawHttp.handshake("/ws/rooms/" + TestServer.room("ok"),
                RawHttp.upgrade("Authorization: Bearer " + TestServer.token(TestServer.user("ok"))));
        assertEquals(101, answer.status());
    }

    @Test
    void devSignInRefusesATtlOutOfRange() {
        assertEquals(400, TestServer.post("/api/dev/token", "{\"user\":\"a\",\"ttl\":5}", null).statusCode());
        assertEquals(400, TestServer.post("/api/dev/token", "{\"user\":\"a\",\"ttl\":86401}", null).statusCode());
        assertEquals(400, TestServer.post("/api/dev/token", "not json", null).statusCode());
        assertEquals(400, TestServer.post("/api/dev/token", "{}", null).statusCode());
    }
}
