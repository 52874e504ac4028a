package com.rooms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * The browser's way in (PROTOCOL.md 1.1, 7): one-time tickets, the Origin
 * allow-list (the test server lists https://portal.rooms.test), CORS and the
 * security headers.
 */
class BrowserPathIT {
    private static final String PORTAL = "https://portal.rooms.test";

    @Test
    void aTicketOpensTheSocketOnceAndOnlyForItsRoom() throws Exception {
        String room = TestServer.room("ticket");
        String user = TestServer.user("tess");
        String token = TestServer.token(user);
        HttpResponse<String> issued = TestServer.call("POST", "/api/rooms/" + room + "/tickets", "{}", token);
        assertEquals(201, issued.statusCode(), issued.body());
        assertEquals("no-store", issued.headers().firstValue("Cache-Control").orElse(""));
        JsonObject body = TestServer.json(issued.body());
        assertEquals(30, body.getInt("expires_in"));
        String ticket = body.getString("ticket");

        assertEquals(101, handshake(room, "?ticket=" + ticket).status());
        RawHttp.Answer reused = handshake(room, "?ticket=" + ticket);
        assertEquals(401, reused.status());
        assertEquals("unauthorized", TestServer.json(reused.body()).getString("error"));
    }

    @Test
    void aTicketForAnotherRoomIsRefusedAndSpent() throws Exception {
        String room = TestServer.room("ticket");
        String ticket = ticket(room, TestServer.token(TestServer.user("ann")));
        assertEquals(401, handshake(TestServer.room("elsewhere"), "?ticket=" + ticket).status());
        assertEquals(401, handshake(room, "?ticket=" + ticket).status(), "spent by the wrong try");
    }

    @Test
    void aTicketPresentedWithAnotherUsersTokenIsRefused() throws Exception {
        String room = TestServer.room("ticket");
        String ticket = ticket(room, TestServer.token(TestServer.user("owner")));
        RawHttp.Answer refused = handshake(room, "?ticket=" + ticket,
                "Authorization: Bearer " + TestServer.token(TestServer.user("thief")));
        assertEquals(401, refused.status());
    }

    @Test
    void madeUpTicketsAre401() throws Exception {
        String room = TestServer.room("ticket");
        for (String guess : new String[] {"x", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", ""}) {
            RawHttp.Answer refused = handshake(room, "?ticket=" + guess);
            assertEquals(401, refused.status());
            assertEquals("unknown or used ticket", TestServer.json(refused.body()).getString("message"),
                    "the ticket book's reason reaches the client (an expired ticket's too: TicketBookTest)");
        }
    }

    @Test
    void ticketsAreForWhoMayEnter() {
        String admin = TestServer.adminToken();
        String room = TestServer.room("private");
        assertEquals(201, TestServer.call("POST", "/api/rooms", "{\"id\":\"" + room + "\",\"visibility\":\"private\"}",
                admin).statusCode());
        String stranger = TestServer.token(TestServer.user("stranger"));
        assertEquals(403, TestServer.call("POST", "/api/rooms/" + room + "/tickets", null, stranger).statusCode());
        assertEquals(201, TestServer.call("POST", "/api/rooms/" + room + "/tickets", null, admin).statusCode());
        assertEquals(401, TestServer.call("POST", "/api/rooms/" + room + "/tickets", null, null).statusCode());
        assertEquals(400, TestServer.call("POST", "/api/rooms/" + room + "/tickets", "{\"room\":1}", admin).statusCode());
        assertEquals(400, TestServer.call("POST", "/api/rooms/Bad!/tickets", null, admin).statusCode());
        assertEquals(201, TestServer.call("POST", "/api/rooms/" + TestServer.room("not-yet") + "/tickets", null,
                stranger).statusCode(), "the dev configuration issues tickets for rooms made on first join");
    }

    @Test
    void aForeignOriginCannotOpenASocket() throws Exception {
        String room = TestServer.room("origin");
        String token = "Authorization: Bearer " + TestServer.token(TestServer.user("olly"));
        RawHttp.Answer foreign = handshake(room, "", token, "Origin: https://evil.example");
        assertEquals(403, foreign.status());
        assertEquals("forbidden", TestServer.json(foreign.body()).getString("error"));
        RawHttp.Answer withTicket = handshake(room, "?ticket=" + ticket(room, TestServer.token(TestServer.user("tia"))),
                "Origin: https://evil.example");
        assertEquals(403, withTicket.status());

        assertEquals(101, handshake(room, "", token, "Origin: " + PORTAL).status(), "a listed origin");
        assertEquals(101, handshake(room, "", token, "Origin: " + TestServer.BASE).status(), "the server's own");
        assertEquals(101, handshake(room, "", token).status(), "no Origin: not a browser");
    }

    @Test
    void corsAnswersListedOriginsOnly() {
        HttpResponse<String> foreign = preflight("https://evil.example");
        assertEquals(403, foreign.statusCode());
        assertTrue(foreign.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        assertTrue(foreign.headers().firstValue("Access-Control-Allow-Methods").isEmpty());

        HttpResponse<String> portal = preflight(PORTAL);
        assertEquals(204, portal.statusCode());
        assertEquals(PORTAL, portal.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(portal.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Authorization"));
        assertFalse(portal.headers().firstValue("Access-Control-Allow-Credentials").isPresent());

        HttpResponse<String> read = TestServer.send(HttpRequest.newBuilder(URI.create(TestServer.BASE + "/api/me/rooms"))
                .header("Authorization", "Bearer " + TestServer.token(TestServer.user("cora")))
                .header("Origin", "https://evil.example").build());
        assertEquals(200, read.statusCode(), "the call itself works; the browser hides the answer");
        assertTrue(read.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }

    @Test
    void answersCarryTheSecurityHeaders() {
        HttpResponse<String> answer = TestServer.call("GET", "/api/me/rooms", null, TestServer.token(TestServer.user("h")));
        assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("no-referrer", answer.headers().firstValue("Referrer-Policy").orElse(""));
        String policy = answer.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), policy);
        assertTrue(policy.contains("frame-ancestors 'self' " + PORTAL), policy);
    }

    private static String ticket(String room, String token) {
        HttpResponse<String> issued = TestServer.call("POST", "/api/rooms/" + room + "/tickets", null, token);
        assertEquals(201, issued.statusCode(), issued.body());
        return TestServer.json(issued.body()).getString("ticket");
    }

    private static HttpResponse<String> preflight(String origin) {
        return TestServer.send(HttpRequest.newBuilder(URI.create(TestServer.BASE + "/api/rooms"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type").build());
    }

    private static RawHttp.Answer handshake(String room, String query, String... headers) throws Exception {
        return RawHttp.handshake("/ws/rooms/" + room + query, RawHttp.upgrade(headers));
    }
}
