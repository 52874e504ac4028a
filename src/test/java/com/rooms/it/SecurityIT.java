package com.rooms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attacks on the way in, against the production configuration (portal keys
 * from a JWKS, no demo sign-in): each refused, each named by what it tries.
 * Attackers connect from their own loopback addresses (127.0.0.3 and up), so
 * their throttling never touches the honest clients on 127.0.0.1.
 */
class SecurityIT {
    private static ProductionServer production;
    private static PortalTokens portal;
    private static String room;

    @BeforeAll
    static void server() throws Exception {
        production = ProductionServer.get();
        production.running();
        portal = production.portal;
        room = TestServer.room("secure");
        assertEquals(201, TestServer.callAt(production.base(), "POST", "/api/rooms", "{\"id\":\"" + room + "\"}",
                portal.token(TestServer.user("admin"), true)).statusCode());
    }

    @Test
    void aValidPortalTokenIsLetIn() throws Exception {
        assertEquals(101, handshake("127.0.0.3", portal.token(TestServer.user("valid"), false)).status());
    }

    @Test
    void socketsAreServedOverTlsAsWss() throws Exception {
        String tls = "https://127.0.0.1:" + Integer.getInteger("rooms.it.durable.tls.port", 19543);
        RawHttp.Answer answer = RawHttp.handshakeAt(tls, "/ws/rooms/" + room,
                RawHttp.upgrade("Authorization: Bearer " + portal.token(TestServer.user("tls"), false)));
        assertEquals(101, answer.status());
    }

    @Test
    void noTokenGarbageAndTamperingAre401() throws Exception {
        String good = portal.token(TestServer.user("mallory"), false);
        String[] parts = good.split("\\.");
        String otherPayload = b64("{\"sub\":\"admin\",\"iss\":\"" + PortalTokens.ISSUER + "\",\"aud\":\"rooms\","
                + "\"exp\":" + (System.currentTimeMillis() / 1000 + 3600) + ",\"groups\":[\"admin\"]}");
        for (String token : new String[] {null, "garbage", "a.b.c", parts[0] + "." + otherPayload + "." + parts[2]}) {
            assertRefused(token);
        }
    }

    @Test
    void aTokenSignedWithAnotherKeyUnderTheSameKeyIdIs401() throws Exception {
        PortalTokens impostor = new PortalTokens(portal.keyId);
        assertRefused(impostor.token(TestServer.user("impostor"), true));
    }

    @Test
    void algNoneIs401() throws Exception {
        String header = b64("{\"alg\":\"none\",\"kid\":\"" + portal.keyId + "\"}");
        String payload = b64("{\"sub\":\"nobody\",\"iss\":\"" + PortalTokens.ISSUER + "\",\"aud\":\"rooms\",\"exp\":"
                + (System.currentTimeMillis() / 1000 + 3600) + "}");
        assertRefused(header + "." + payload + ".");
    }

    @Test
    void hs256SignedWithThePublicKeyAsSecretIs401() throws Exception {
        String header = b64("{\"alg\":\"HS256\",\"kid\":\"" + portal.keyId + "\"}");
        String payload = b64("{\"sub\":\"confused\",\"iss\":\"" + PortalTokens.ISSUER + "\",\"aud\":\"rooms\",\"exp\":"
                + (System.currentTimeMillis() / 1000 + 3600) + ",\"groups\":[\"admin\"]}");
        Mac mac = Mac.getInstance("HmacSHA256");
        byte[] publicKey = portal.keys.getPublic().getEncoded();
        mac.init(new SecretKeySpec(publicKey, "HmacSHA256"));
        String signature = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));
        assertRefused(header + "." + payload + "." + signature);
    }

    @Test
    void expiredAndNotYetValidTokensAre401() throws Exception {
        assertRefused(portal.token(TestServer.user("late"), false,
                c -> c.setExpirationTime(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 - 120))));
        assertRefused(portal.token(TestServer.user("early"), false,
                c -> c.setNotBefore(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 + 600))));
    }

    @Test
    void wrongIssuerWrongAudienceAndMissingSubjectAre401() throws Exception {
        assertRefused(portal.token(TestServer.user("iss"), false, c -> c.setIssuer("https://evil.example")));
        assertRefused(portal.token(TestServer.user("aud"), false, c -> c.setAudience("another-app")));
        assertRefused(portal.token(TestServer.user("sub"), false, c -> c.unsetClaim("sub")));
    }

    @Test
    void aKeyIdTheJwksDoesNotHoldIs401UntilThePortalPublishesIt() throws Exception {
        PortalTokens rotated = new PortalTokens("portal-key-2");
        String token = rotated.token(TestServer.user("rotated"), false);
        assertRefused(token);
        production.jwks.publish(PortalTokens.jwks(portal, rotated));
        try {
            assertEquals(101, handshakeOnceKeysAreFetched(token).status(), "a newly published key works without a restart");
            assertEquals(101, handshake("127.0.0.3", portal.token(TestServer.user("old"), false)).status());
        } finally {
            production.jwks.publish(PortalTokens.jwks(portal));
        }
    }

    @Test
    void anEs256TokenFromAPublishedEllipticKeyIsLetIn() throws Exception {
        PortalTokens elliptic = PortalTokens.elliptic("portal-ec-1");
        production.jwks.publish(PortalTokens.jwks(portal, elliptic));
        try {
            assertEquals(101, handshakeOnceKeysAreFetched(elliptic.token(TestServer.user("ec"), false)).status());
        } finally {
            production.jwks.publish(PortalTokens.jwks(portal));
        }
    }

    @Test
    void theDemoSignInDoesNotExistInProduction() {
        assertEquals(404, TestServer.callAt(production.base(), "POST", "/api/dev/token", "{\"user\":\"x\"}", null)
                .statusCode());
    }

    @Test
    void benchmarkModeIsRefusedInProductionSoItsEndpointsDoNotExist() throws Exception {
        assertEquals(404, RawHttp.handshakeFrom("127.0.0.30", production.base(), "/bench/relay/x",
                RawHttp.upgrade()).status());
        assertEquals(404, TestServer.callAt(production.base(), "POST", "/api/bench/heap", "", null).statusCode());
    }

    @Test
    void handshakesOverTheAddressLimitAre429WithRetryAfter() throws Exception {
        RawHttp.Answer last = null;
        int tries = 0;
        while (tries < 80 && (last == null || last.status() != 429)) {
            last = handshake("127.0.0.4", "not-a-token-" + tries);
            tries++;
        }
        assertEquals(429, last.status());
        assertTrue(tries > 60, "60 per 10 s are allowed (and a few more refill meanwhile): " + tries);
        assertTrue(Integer.parseInt(header(last, "Retry-After")) >= 1, last.headers());
        assertEquals("rate-limited", TestServer.json(last.body()).getString("error"));
        assertEquals(101, handshake("127.0.0.3", portal.token(TestServer.user("neighbour"), false)).status(),
                "another address is not affected");
    }

    @Test
    void guessingTicketsIsThrottledLikeAnyHandshake() throws Exception {
        RawHttp.Answer last = null;
        int tries = 0;
        while (tries < 80 && (last == null || last.status() != 429)) {
            last = RawHttp.handshakeFrom("127.0.0.6", production.base(), "/ws/rooms/" + room + "?ticket=guess" + tries,
                    RawHttp.upgrade());
            tries++;
        }
        assertEquals(429, last.status(), "after " + tries + " guesses");
        assertTrue(tries > 60, "60 per 10 s are allowed: " + tries);
    }

    @Test
    void oneUserOverTheUserLimitIs429() throws Exception {
        String token = portal.token(TestServer.user("eager"), false);
        RawHttp.Answer last = null;
        int tries = 0;
        while (tries < 30 && (last == null || last.status() != 429)) {
            last = handshake("127.0.0." + (10 + tries % 2), token);
            tries++;
        }
        assertEquals(429, last.status());
        assertTrue(tries > 20, "20 handshakes per 10 s are allowed: " + tries);
        assertEquals(101, handshake("127.0.0.12", portal.token(TestServer.user("patient"), false)).status());
    }

    @Test
    void honestChatKeepsFlowingWhileOneAddressFloodsHandshakesAndOneClientFloodsFrames() throws Exception {
        String chat = TestServer.room("siege");
        assertEquals(201, TestServer.callAt(production.base(), "POST", "/api/rooms", "{\"id\":\"" + chat + "\"}",
                portal.token(TestServer.user("admin"), true)).statusCode());
        AtomicBoolean attacking = new AtomicBoolean(true);
        AtomicInteger refusedHandshakes = new AtomicInteger();
        List<Thread> attackers = new ArrayList<>();
        try (RoomClient alice = join(chat, "alice"); RoomClient bob = join(chat, "bob");
             RoomClient flooder = join(chat, "flooder")) {
            attackers.add(new Thread(() -> {
                while (attacking.get()) {
                    try {
                        if (handshake("127.0.0.5", "forged." + System.nanoTime() + ".token").status() >= 400) {
                            refusedHandshakes.incrementAndGet();
                        }
                    } catch (Exception e) {
                        return;
                    }
                }
            }));
            attackers.add(new Thread(() -> {
                while (attacking.get() && !flooder.closeCode.isDone()) {
                    try {
                        flooder.socket.sendText("{not json", true).join();
                    } catch (Exception e) {
                        return;
                    }
                }
            }));
            attackers.forEach(Thread::start);
            for (int i = 0; i < 20; i++) {
                String said = alice.say("honest " + i).getString("text");
                assertEquals("honest " + i, said);
                String text = "honest " + i;
                assertEquals(text, bob.next(f -> "text".equals(f.getString("type"))
                        && text.equals(f.getJsonObject("data").getString("text")), text).getJsonObject("data")
                        .getString("text"));
                Thread.sleep(150);
            }
        } finally {
            attacking.set(false);
            for (Thread attacker : attackers) {
                attacker.join(10_000);
            }
        }
        assertTrue(refusedHandshakes.get() > 0, "the flood ran during the chat");
    }

    private static RoomClient join(String chat, String prefix) {
        String user = TestServer.user(prefix);
        return RoomClient.joinAt(production.base(), chat, user, portal.token(user, false));
    }

    private static void assertRefused(String token) throws Exception {
        RawHttp.Answer answer = handshake("127.0.0.3", token);
        assertEquals(401, answer.status(), answer.body());
        assertEquals("unauthorized", TestServer.json(answer.body()).getString("error"));
    }

    /**
     * Handshakes until the token is let in or 10 s have passed: the server
     * fetches the JWKS again for a key id it does not hold, but not within a
     * moment of its last fetch (jose4j's reprieve, 300 ms by default).
     */
    private static RawHttp.Answer handshakeOnceKeysAreFetched(String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        RawHttp.Answer answer = handshake("127.0.0.3", token);
        while (answer.status() == 401 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            answer = handshake("127.0.0.3", token);
        }
        return answer;
    }

    private static RawHttp.Answer handshake(String from, String token) throws Exception {
        String[] headers = token == null ? RawHttp.upgrade() : RawHttp.upgrade("Authorization: Bearer " + token);
        return RawHttp.handshakeFrom(from, production.base(), "/ws/rooms/" + room, headers);
    }

    private static String header(RawHttp.Answer answer, String name) {
        for (String line : answer.headers().split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).trim();
            }
        }
        throw new AssertionError("no " + name + " in " + answer.headers());
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
