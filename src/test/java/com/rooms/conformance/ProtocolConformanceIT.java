package com.rooms.conformance;

import static com.rooms.conformance.Wire.assertError;
import static com.rooms.conformance.Wire.assertNear;
import static com.rooms.conformance.Wire.call;
import static com.rooms.conformance.Wire.get;
import static com.rooms.conformance.Wire.json;
import static com.rooms.conformance.Wire.jsonArray;
import static com.rooms.conformance.Wire.str;
import static com.rooms.conformance.Wire.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.rooms.conformance.Wire.User;

/** What docs/PROTOCOL.md promises a client that follows it, one rule per test. */
class ProtocolConformanceIT {
    private static final String TURN_SECRET = System.getProperty("rooms.it.turn.secret", "integration-test-turn-secret");

    private final List<Peer> peers = new ArrayList<>();

    @AfterEach
    void closePeers() {
        peers.forEach(Peer::close);
    }

    private Peer join(String room, User user) {
        Peer peer = Peer.join(room, user);
        peers.add(peer);
        return peer;
    }

    private Peer join(String room, String userPrefix) {
        return join(room, Wire.user(userPrefix));
    }

    static JsonObject data(JsonObject frame) {
        return frame.getJsonObject("data");
    }

    /** The contract's "absent" (an empty string, as in the envelope example, is taken as absent too). */
    static void assertAbsent(JsonObject frame, String key) {
        JsonValue v = frame.get(key);
        assertTrue(v == null || v.getValueType() == JsonValue.ValueType.NULL
                || (v.getValueType() == JsonValue.ValueType.STRING && frame.getString(key).isEmpty()),
                key + " should be absent: " + frame);
    }

    static Predicate<JsonObject> type(String type) {
        return f -> type.equals(f.getString("type", null));
    }

    static Predicate<JsonObject> textIs(String text) {
        return f -> "text".equals(f.getString("type", null)) && text.equals(data(f).getString("text", null));
    }

    static long messageId(JsonObject message) {
        JsonNumber n = message.getJsonNumber("message_id");
        assertNotNull(n, "message_id in " + message);
        assertTrue(n.isIntegral(), "message_id is a JSON integer: " + message);
        return n.longValueExact();
    }

    static void assertMessageShape(JsonObject m) {
        messageId(m);
        for (String key : List.of("from", "user_id", "time", "text")) {
            assertEquals(JsonValue.ValueType.STRING, m.get(key) == null ? null : m.get(key).getValueType(), key + " in " + m);
        }
        assertNotNull(m.get("private"), "private in " + m);
        utc(m.getString("time"));
    }

    static List<String> texts(JsonArray messages) {
        List<String> texts = new ArrayList<>();
        for (JsonValue v : messages) {
            texts.add(v.asJsonObject().getString("text"));
        }
        return texts;
    }

    static JsonArray historyMessages(Peer peer) {
        return data(peer.history).getJsonArray("messages");
    }

    static JsonArray clientsOf(JsonObject roomInfo) {
        return data(roomInfo).getJsonArray("clients");
    }

    static JsonObject clientEntry(JsonArray clients, String clientId) {
        for (JsonValue v : clients) {
            if (clientId.equals(v.asJsonObject().getString("id"))) {
                return v.asJsonObject();
            }
        }
        return null;
    }

    private JsonObject messagesPage(String path, User caller) {
        HttpResponse<String> r = get(path, caller.token());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return json(r.body());
    }

    // 1. Endpoints

    @Test
    void theWebClientIsServedAtTheRootAndAtRoomLinks() {
        HttpResponse<String> root = get("/", null);
        assertEquals(200, root.statusCode());
        assertFalse(root.body().isBlank());
        HttpResponse<String> link = get("/r/" + Wire.room("link"), null);
        assertEquals(200, link.statusCode());
        assertFalse(link.body().isBlank());
    }

    @Test
    void theDemoSignInAnswersATokenWhoseSubIsTheUserAndWhoseNamesAreTheName() {
        HttpResponse<String> r = call("POST", "/api/dev/token", "{\"user\":\"alice-conf\",\"name\":\"Alice Conf\"}", null);
        assertEquals(200, r.statusCode(), r.body());
        JsonObject claims = Wire.claims(json(r.body()).getString("token"));
        assertEquals("alice-conf", claims.getString("sub"));
        assertEquals("Alice Conf", claims.getString("name"));
        assertEquals("Alice Conf", claims.getString("preferred_username"));
        long exp = claims.getJsonNumber("exp").longValue();
        assertNear(Instant.now().plusSeconds(3600), Instant.ofEpochSecond(exp), Duration.ofSeconds(60), "default ttl 3600");
    }

    @Test
    void theDemoSignInTtlIsSecondsFrom10To86400AndOutsideThatIs400() {
        for (int ttl : new int[] {10, 86_400}) {
            HttpResponse<String> r = call("POST", "/api/dev/token", "{\"user\":\"ttl-conf\",\"ttl\":" + ttl + "}", null);
            assertEquals(200, r.statusCode(), "ttl " + ttl + ": " + r.body());
            long exp = Wire.claims(json(r.body()).getString("token")).getJsonNumber("exp").longValue();
            assertNear(Instant.now().plusSeconds(ttl), Instant.ofEpochSecond(exp), Duration.ofSeconds(60), "exp for ttl " + ttl);
        }
        for (int ttl : new int[] {9, 86_401}) {
            assertError(400, call("POST", "/api/dev/token", "{\"user\":\"ttl-conf\",\"ttl\":" + ttl + "}", null));
        }
    }

    @Test
    void theDemoSignInGroupAdminMakesTheUserOwnerInEveryRoom() {
        String room = Wire.room("admin-owner");
        join(room, "creator");
        Peer admin = join(room, Wire.admin("adm"));
        assertEquals("owner", data(admin.welcome).getString("role"));
        JsonObject entry = clientEntry(clientsOf(admin.roomInfo), admin.clientId);
        assertNotNull(entry, "admin in room-info: " + admin.roomInfo);
        assertEquals("owner", entry.getString("role"));
    }

    @Test
    void healthLiveAndReadyAnswerUp() {
        for (String path : List.of("/health/live", "/health/ready")) {
            HttpResponse<String> r = get(path, null);
            assertEquals(200, r.statusCode(), path + ": " + r.body());
            assertEquals("UP", json(r.body()).getString("status"), path);
        }
    }

    @Test
    void metricsAreServedAsPrometheusText() {
        HttpResponse<String> r = get("/metrics", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), r.headers().toString());
        assertTrue(r.body().contains("# TYPE "), "Prometheus text has TYPE lines");
    }

    @Test
    void anApiDescriptionIsServedAtOpenapi() {
        HttpResponse<String> r = get("/openapi", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("openapi"), r.body().substring(0, Math.min(200, r.body().length())));
        assertTrue(r.body().contains("/api/rooms"), "the rooms API is described");
    }

    @Test
    void aRoomIdOf64CharactersOfTheAllowedSetIsAccepted() {
        String room = (Wire.unique("a-z_09") + "-").repeat(6).substring(0, 64);
        assertEquals(64, room.length());
        Peer peer = join(room, "long-room");
        assertEquals(room, data(peer.welcome).getString("room_id"));
        assertEquals(room, data(peer.roomInfo).getString("room_id"));
    }

    // 1.1 Authentication at the handshake

    @Test
    void aRequestToTheRoomSocketThatIsNotAWebSocketRequestIs400() {
        User user = Wire.user("plain");
        assertError(400, get("/ws/rooms/" + Wire.room("plain"), user.token()));
    }

    @Test
    void aMalformedRoomIdIsRefused400BeforeTheUpgrade() {
        User user = Wire.user("badroom");
        for (String room : List.of("Upper", "a.b", "x".repeat(65), "caf%C3%A9")) {
            Http1.Response r = Http1.handshake("/ws/rooms/" + room, "Authorization: Bearer " + user.token() + "\r\n");
            Wire.assertErrorBody(400, r.status(), r.body());
        }
    }

    @Test
    void aHandshakeWithoutCredentialsIsRefused401() {
        Http1.Response r = Http1.handshake("/ws/rooms/" + Wire.room("nocred"), "");
        Wire.assertErrorBody(401, r.status(), r.body());
    }

    @Test
    void anOriginOutsideTheAllowListIsRefused403() {
        User user = Wire.user("origin");
        Http1.Response r = Http1.handshake("/ws/rooms/" + Wire.room("origin"),
                "Authorization: Bearer " + user.token() + "\r\nOrigin: https://evil.example\r\n");
        Wire.assertErrorBody(403, r.status(), r.body());
    }

    @Test
    void aPrivateRoomRefusesANonMember403AndAdmitsAMember() {
        User admin = Wire.admin("padm");
        String room = Wire.room("private");
        Wire.createRoom(admin, room, "private", "shared");
        User outsider = Wire.user("outsider");
        Http1.Response r = Http1.handshake("/ws/rooms/" + room, "Authorization: Bearer " + outsider.token() + "\r\n");
        Wire.assertErrorBody(403, r.status(), r.body());
        User member = Wire.user("insider");
        Wire.putMember(admin, room, member.id(), "member", 201);
        Peer peer = join(room, member);
        assertEquals("member", data(peer.welcome).getString("role"));
    }

    @Test
    void refusalsFollowTheDocumentedOrder() {
        // 400 before 401: a malformed room id without credentials
        Http1.Response r = Http1.handshake("/ws/rooms/Not.Valid", "");
        Wire.assertErrorBody(400, r.status(), r.body());
        // 401 before 403: no credentials from a refused origin
        r = Http1.handshake("/ws/rooms/" + Wire.room("order"), "Origin: https://evil.example\r\n");
        Wire.assertErrorBody(401, r.status(), r.body());
    }

    @Test
    void tooManyHandshakesFromOneUserAre429WithRetryAfterBeforeOtherChecks() {
        User user = Wire.user("burst");
        String room = Wire.room("burst");
        int accepted = 0;
        Http1.Response refused = null;
        for (int i = 0; i < 45 && refused == null; i++) {
            Http1.Response r = Http1.handshakeAndClose("/ws/rooms/" + room, "Authorization: Bearer " + user.token() + "\r\n");
            if (r.status() == 101) {
                accepted++;
            } else {
                refused = r;
            }
        }
        assertNotNull(refused, "no handshake of 45 was refused");
        assertTrue(accepted >= 20, "the default allows 20 per 10 s; refused after " + accepted);
        Wire.assertErrorBody(429, refused.status(), refused.body());
        String retryAfter = refused.header("Retry-After");
        assertNotNull(retryAfter, "Retry-After: " + refused.headers());
        assertTrue(Integer.parseInt(retryAfter.trim()) > 0, retryAfter);
        // 429 comes before 403: the throttled user from a refused origin
        Http1.Response origin = Http1.handshake("/ws/rooms/" + room,
                "Authorization: Bearer " + user.token() + "\r\nOrigin: https://evil.example\r\n");
        Wire.assertErrorBody(429, origin.status(), origin.body());
        // 400 comes before 429
        Http1.Response malformed = Http1.handshake("/ws/rooms/Bad.Room", "Authorization: Bearer " + user.token() + "\r\n");
        Wire.assertErrorBody(400, malformed.status(), malformed.body());
    }

    @Test
    void aTicketOpensTheRoomSocketForItsUserWithTheExpiryOfItsToken() {
        String room = Wire.room("ticket");
        User user = Wire.user("ticketed");
        Peer direct = join(room, user);
        HttpResponse<String> r = call("POST", "/api/rooms/" + room + "/tickets", "{}", user.token());
        assertEquals(201, r.statusCode(), r.body());
        JsonObject ticket = json(r.body());
        assertEquals(30, ticket.getInt("expires_in"));
        Peer viaTicket = Peer.joinWithTicket(room, user, ticket.getString("ticket"));
        peers.add(viaTicket);
        assertEquals(user.id(), data(viaTicket.welcome).getString("user_id"));
        assertEquals(room, data(viaTicket.welcome).getString("room_id"));
        assertEquals(utc(data(direct.welcome).getString("expires_at")), utc(data(viaTicket.welcome).getString("expires_at")));
        HttpResponse<String> empty = call("POST", "/api/rooms/" + room + "/tickets", null, user.token());
        assertEquals(201, empty.statusCode(), "an empty body is accepted too: " + empty.body());
    }

    @Test
    void aTicketForARoomNotYetCreatedIsIssuedAndItsHandshakeCreatesTheRoom() {
        String room = Wire.room("ticket-new");
        User user = Wire.user("first");
        HttpResponse<String> r = call("POST", "/api/rooms/" + room + "/tickets", "{}", user.token());
        assertEquals(201, r.statusCode(), r.body());
        assertError(404, get("/api/rooms/" + room, user.token()));
        Peer peer = Peer.joinWithTicket(room, user, json(r.body()).getString("ticket"));
        peers.add(peer);
        assertEquals("owner", data(peer.welcome).getString("role"));
        assertEquals(200, get("/api/rooms/" + room, user.token()).statusCode());
    }

    // 1.2 Rooms and roles

    @Test
    void theFirstVisitorOfANewRoomIsItsOwnerAndLaterVisitorsAreMembers() {
        String room = Wire.room("roles");
        Peer owner = join(room, "owner");
        Peer member = join(room, "member");
        assertEquals("owner", data(owner.welcome).getString("role"));
        assertEquals("member", data(member.welcome).getString("role"));
        JsonArray clients = clientsOf(member.roomInfo);
        assertEquals("owner", clientEntry(clients, owner.clientId).getString("role"));
        assertEquals("member", clientEntry(clients, member.clientId).getString("role"));
    }

    @Test
    void enteringAPublicRoomRecordsTheUserAsAMember() {
        String room = Wire.room("records");
        join(room, "owner");
        User visitor = Wire.user("visitor");
        join(room, visitor);
        JsonArray members = jsonArray(get("/api/rooms/" + room + "/members", visitor.token()).body());
        boolean found = false;
        for (JsonValue v : members) {
            JsonObject m = v.asJsonObject();
            if (visitor.id().equals(m.getString("user_id"))) {
                found = true;
                assertEquals("member", m.getString("role"));
            }
        }
        assertTrue(found, "visitor among members: " + members);
        JsonArray mine = jsonArray(get("/api/me/rooms", visitor.token()).body());
        assertTrue(mine.stream().anyMatch(v -> room.equals(v.asJsonObject().getString("id"))), "me/rooms: " + mine);
    }

    @Test
    void sharedHistoryShowsANewMemberWhatWasSaidBefore() {
        String room = Wire.room("shared");
        Peer owner = join(room, "owner");
        owner.say("before you came");
        Peer late = join(room, "late");
        assertEquals(List.of("before you came"), texts(historyMessages(late)));
    }

    @Test
    void sinceJoinHistoryShowsOnlyWhatWasSaidAfterTheUserFirstBecameAMember() {
        User admin = Wire.admin("sjadm");
        String room = Wire.room("since-join");
        Wire.createRoom(admin, room, "public", "since-join");
        Peer early = join(room, "early");
        early.say("said before");
        User lateUser = Wire.user("late");
        Peer late = join(room, lateUser);
        assertEquals(List.of(), texts(historyMessages(late)), "on joining");
        early.say("said after");
        late.text("said after");
        late.close();
        Peer again = join(room, lateUser);
        assertEquals(List.of("said after"), texts(historyMessages(again)), "on coming back");
        String id = Wire.unique("h");
        again.send("{\"id\":\"" + id + "\",\"type\":\"get-history\",\"data\":{}}");
        assertEquals(List.of("said after"), texts(data(again.reply(id, "history")).getJsonArray("messages")), "get-history");
        JsonObject page = messagesPage("/api/rooms/" + room + "/messages", lateUser);
        assertEquals(List.of("said after"), texts(page.getJsonArray("messages")), "HTTP API");
        JsonObject adminPage = messagesPage("/api/rooms/" + room + "/messages", admin);
        assertEquals(List.of("said after", "said before"), texts(adminPage.getJsonArray("messages")), "administrators see everything");
    }

    @Test
    void noneHistoryShowsNothingSaidBeforeTheCurrentConnectionOpened() {
        User admin = Wire.admin("noadm");
        String room = Wire.room("none");
        Wire.createRoom(admin, room, "public", "none");
        Peer speaker = join(room, "speaker");
        User listenerUser = Wire.user("listener");
        Peer listener = join(room, listenerUser);
        speaker.say("while you listen");
        listener.text("while you listen");
        listener.close();
        Peer again = join(room, listenerUser);
        assertEquals(List.of(), texts(historyMessages(again)));
        assertFalse(data(again.history).getBoolean("more"));
        speaker.say("now");
        again.text("now");
        String id = Wire.unique("h");
        again.send("{\"id\":\"" + id + "\",\"type\":\"get-history\",\"data\":{}}");
        assertEquals(List.of("now"), texts(data(again.reply(id, "history")).getJsonArray("messages")));
    }

    // 2. Frames

    @Test
    void serverFramesNameTheServerAsSenderAndTheReceivingClient() {
        String room = Wire.room("envelope");
        Peer peer = join(room, "env");
        for (JsonObject f : List.of(peer.welcome, peer.roomInfo, peer.history)) {
            assertEquals("server", f.getString("sender"), f.toString());
            assertEquals(peer.clientId, f.getString("receiver", null), f.toString());
        }
        peer.send("{\"id\":\"p1\",\"type\":\"ping\",\"data\":1}");
        JsonObject pong = peer.reply("p1", "pong");
        assertEquals("server", pong.getString("sender"));
        assertEquals(peer.clientId, pong.getString("receiver", null));
        peer.send("{\"id\":\"e1\",\"type\":\"text\",\"data\":{\"text\":\"\"}}");
        JsonObject error = peer.error("e1", "invalid");
        assertEquals("server", error.getString("sender"));
        assertEquals(peer.clientId, error.getString("receiver", null));
    }

    @Test
    void framesThatGoToSeveralClientsCarryNoReceiver() {
        String room = Wire.room("several");
        Peer a = join(room, "a");
        Peer b = join(room, "b");
        Peer c = join(room, "c");
        for (Peer p : List.of(a, b)) {
            JsonObject joined = p.next(f -> "joined".equals(f.getString("type")) && c.clientId.equals(data(f).getString("id")),
                    "joined of c");
            assertEquals("server", joined.getString("sender"));
            assertAbsent(joined, "receiver");
        }
        a.say("to all");
        for (Peer p : List.of(b, c)) {
            JsonObject text = p.text("to all");
            assertAbsent(text, "receiver");
            assertEquals(a.clientId, text.getString("sender"));
        }
        c.close();
        for (Peer p : List.of(a, b)) {
            JsonObject left = p.next(f -> "left".equals(f.getString("type")) && c.clientId.equals(data(f).getString("id")),
                    "left of c");
            assertEquals("server", left.getString("sender"));
            assertAbsent(left, "receiver");
        }
    }

    @Test
    void whateverAClientWritesAsSenderIsOverwrittenWithItsClientId() {
        String room = Wire.room("spoof");
        Peer a = join(room, "a");
        Peer b = join(room, "b");
        a.send("{\"type\":\"text\",\"sender\":\"server\",\"data\":{\"text\":\"spoofed\"}}");
        assertEquals(a.clientId, b.text("spoofed").getString("sender"));
        assertEquals(a.clientId, a.text("spoofed").getString("sender"));
        a.send("{\"type\":\"greeting\",\"sender\":\"" + b.clientId + "\",\"data\":\"hi\"}");
        assertEquals(a.clientId, b.next("greeting").getString("sender"));
    }

    @Test
    void anIdComesBackAsRefOnlyOnTheFramesThatReturnToItsSender() {
        String room = Wire.room("ref");
        Peer a = join(room, "a");
        Peer b = join(room, "b");
        a.send("{\"id\":\"c-17\",\"type\":\"text\",\"data\":{\"text\":\"with an id\"}}");
        assertEquals("c-17", a.text("with an id").getString("ref", null));
        JsonObject other = b.text("with an id");
        assertNotEquals("c-17", other.getString("ref", null), "ref goes only to the sender: " + other);
        a.send("{\"id\":\"c-18\",\"type\":\"get-room-info\"}");
        a.reply("c-18", "room-info");
        a.send("{\"id\":\"c-19\",\"type\":\"get-ice-servers\"}");
        a.reply("c-19", "ice-servers");
        a.send("{\"id\":\"c-20\",\"type\":\"profile\",\"data\":{\"username\":\"Renamed " + a.userId().substring(2) + "\"}}");
        a.reply("c-20", "profile");
        assertNotEquals("c-20", b.next("profile").getString("ref", null));
        a.send("{\"id\":\"c-21\",\"type\":\"no-such-type\"}");
        a.error("c-21", "unknown-type");
    }

    @Test
    void anIdIsKeptOnRelayedFrames() {
        String room = Wire.room("relay-id");
        Peer a = join(room, "a");
        Peer b = join(room, "b");
        a.send("{\"id\":\"g-1\",\"type\":\"greeting\",\"data\":{}}");
        assertEquals("g-1", b.next("greeting").getString("id", null));
        a.send("{\"id\":\"o-1\",\"type\":\"offer\",\"receiver\":\"" + b.clientId + "\",\"data\":\"v=0\"}");
        assertEquals("o-1", b.next("offer").getString("id", null));
    }

    @Test
    void anIdOf64CodePointsIsAcceptedAndOneOver64IsInvalidWithoutRef() {
        String room = Wire.room("id-length");
        Peer a = join(room, "a");
        String id64 = "\uD83D\uDE00".repeat(64);
        assertEquals(128, id64.length());
        a.send("{\"id\":" + str(id64) + ",\"type\":\"ping\",\"data\":\"x\"}");
        JsonObject pong = a.next("pong");
        assertEquals(id64, pong.getString("ref", null));
        String id65 = "x".repeat(65);
        a.send("{\"id\":\"" + id65 + "\",\"type\":\"ping\",\"data\":\"y\"}");
        JsonObject error = a.next(type("error").or(type("pong")), "answer to a 65-character id");
        assertEquals("error", error.getString("type"), error.toString());
        assertEquals("invalid", data(error).getString("code"));
        assertNotEquals(id65, error.getString("ref", null));
        assertAbsent(error, "ref");
    }

    @Test
    void everyConnectionHasItsOwnClientIdEvenForOneUser() {
        String room = Wire.room("tabs");
        User user = Wire.user("tabs");
        Peer tab1 = join(room, user);
        Peer tab2 = join(room, user);
        assertNotEquals(tab1.clientId, tab2.clientId);
        JsonArray clients = clientsOf(tab2.roomInfo);
        assertEquals(user.id(), clientEntry(clients, tab1.clientId).getString("user_id"));
        assertEquals(user.id(), clientEntry(clients, tab2.clientId).getString("user_id"));
        tab2.close();
        Peer tab3 = join(room, user);
        assertNotEquals(tab2.clientId, tab3.clientId, "client ids are never reused");
        assertNotEquals(tab1.clientId, tab3.clientId);
    }

    // 3.1 Seed protocol

    @Test
    void aPingWithoutReceiverIsAnsweredPongWithTheSameData() {
        String room = Wire.room("ping");
        Peer a = join(room, "a");
        List<String> values = List.of("{\"n\":[1,2,{\"deep\":true}],\"s\":\"\u00e9\"}", "\"text\"", "42", "[1,\"two\"]", "null", "true");
        for (int i = 0; i < values.size(); i++) {
            a.send("{\"id\":\"p" + i + "\",\"type\":\"ping\",\"data\":" + values.get(i) + "}");
            JsonObject pong = a.reply("p" + i, "pong");
            assertEquals(Wire.jsonValue(values.get(i)), pong.get("data") == null ? JsonValue.NULL : pong.get("data"),
                    "pong data for " + values.get(i));
        }
    }

    @Test
    void aPingWithAReceiverIsRelayedToThatClientOnly() {
        String room = Wire.room("ping-relay");
        Peer a = join(room, "a");
        Peer b = join(room, "b");
        Peer c = join(room, "c");
        a.sendTo("ping", b.clientId, "{\"t\":1}");
        a.send("{\"type\":\"greeting\",\"data\":\"barrier\"}");
        JsonObject ping = b.next("ping");
        assertEquals(a.clientId, ping.getString("sender"));
        assertEquals(b.clientId, ping.getString("receiver"));
        assertEquals(json("{\"t\":1}"), data(ping));
        c.next("greeting");
        assertTrue(c.logged("ping").isEmpty(), "c got the ping: " + c.log);
        assertTrue(a.logged("pong").isEmpty(), "the server answered a relayed ping: " + a.log);
    }

    @Test
    void aPongWithAReceiverIsRelayed() {
        String room = Wire.room("pong-relay");
        Peer a = join(room, "a");
        Peer b = join(room, "b");
        b.sendTo("pong", a.clientId, "{\"t\":2}");
        JsonObject pong = a.next("pong");
        assertEquals(b.clientId, pong.getString("sender"));
        assertEquals(a.clientId, pong.getString("receiver"));
        assertEquals(json("{\"t\":2}"), data(pong));
    }

    @Test
    void aClientPongWithoutReceiverIsInvalid() {
        String room = Wire.room("pong-alone");
        Peer a = join(room, "a");
        a.send("{\"id\":\"lonely\",\"type\":\"pong\",\"data\":{}}");
        a.error("lonely", "invalid");
    }

    @Test
    void aTextIsDeliveredToEveryoneInTheRoomWithTheSendersId() {
        String room = Wire.room("text");
        Peer a = join(room, "a");
        Peer b = join(room, "b");
        Peer c = join(room, "c");
        Instant before = Instant.now();
        a.send("{\"id\":\"t1\",\"type\":\"text\",\"data\":{\"text\":\"hello room\"}}");
        Long id = null;
        for (Peer p : List.of(a, b, c)) {
            JsonObject frame = p.text("hello room");
            assertEquals(a.clientId, frame.getString("sender"));
            JsonObject m = data(frame);
            assertMessageShape(m);
            assertEquals(a.user.name(), m.getString("from"), "from is the display name");
            assertEquals(a.userId(), m.getString("user_id"));
            assertFalse(m.getBoolean("private"));
            assertNear(before, utc(m.getString("time")), Duration.ofSeconds(30), "time");
            if (id == null) {
                id = messageId(m);
            } else {
                assertEquals(id.longValue(), messageId(m), "one message_id for every copy");
            }
        }
    }

    @Test
    void aTextOf1Or4000CodePointsIsAccepted() {
        String room = Wire.room("text-len");
        Peer a = join(room, "a");
        assertEquals("x", a.say("x").getString("text"));
        String long4000 = "\uD83D\uDE03".repeat(4000);
        assertEquals(long4000, a.say(long4000).getString("text"));
    }

    @Test
    void aPrivateTextReachesOnlyItsReceiverAndSenderAndLaterHistoryOnlyTheirUsers() {
        String room = Wire.room("private-text");
        User ua = Wire.user("a");
        User ub = Wire.user("b");
        User uc = Wire.user("c");
        Peer a = join(room, ua);
        Peer b = join(room, ub);
        Peer c = join(room, uc);
        a.send("{\"id\":\"pv\",\"type\":\"text\",\"receiver\":\"" + b.clientId + "\",\"data\":{\"text\":\"just you\"}}");
        JsonObject atB = b.text("just you");
        assertEquals(b.clientId, atB.getString("receiver", null));
        assertEquals(a.clientId, atB.getString("sender"));
        assertTrue(data(atB).getBoolean("private"));
        assertEquals(ub.id(), data(atB).getString("to"));
        JsonObject atA = a.reply("pv", "text");
        assertTrue(data(atA).getBoolean("private"));
        assertEquals(ub.id(), data(atA).getString("to"));
        a.say("public after");
        c.text("public after");
        assertTrue(c.logged(textIs("just you")).isEmpty(), "c saw the private text: " + c.log);
        for (User u : List.of(ua, ub)) {
            Peer again = join(room, u);
            JsonObject m = historyMessages(again).stream().map(JsonValue::asJsonObject)
                    .filter(x -> "just you".equals(x.getString("text"))).findFirst().orElse(null);
            assertNotNull(m, u.id() + " sees the private text in history: " + again.history);
            assertTrue(m.getBoolean("private"));
            assertEquals(ub.id(), m.getString("to"));
        }
        Peer cAgain = join(room, uc);
        assertEquals(List.of("public after"), texts(historyMessages(cAgain)));
        JsonObject page = messagesPage("/api/rooms/" + room + "/messages", uc);
        assertEquals(List.of("public after"), texts(page.getJsonArray("messages")), "HTTP API for a third user");
        JsonObject forB = messagesPage("/api/rooms/" + room + "/messages", ub);
        assertEquals(List.of("public after", "just you"), texts(forB.getJsonArray("messages")), "HTTP API for the receiver");
        JsonObject forAdmin = messagesPage("/api/rooms/" + room + "/messages", Wire.admin("pvadm"));
        assertEquals(List.of("public after", "just you"), texts(forAdmin.getJsonArray("messages")), "administrators see everything");
    }

    @Test
    void aTextIsStoredBeforeItIsDelivered() {
        String room = Wire.room("stored");
        Peer a = join(room, "a");
        Peer b = join(room, "b");
        a.send("{\"type\":\"text\",\"data\":{\"text\":\"durable words\"}}");
        long id = messageId(data(b.text("durable words")));
        JsonArray messages = messagesPage("/api/rooms/" + room + "/messages", b.user).getJsonArray("messages");
        assertEquals(List.of("durable words"), texts(messages), "what b saw is already stored");
        assertEquals(id, messageId(messages.getJsonObject(0)));
    }

    @Test
    void getRoomInfoAnswersRoomInfoWithEveryConnectedClient() {
        String room = Wire.room("info");
        Peer a = join(room, "a");
        Peer b = join(room, "b");
        a.send("{\"id\":\"ri\",\"type\":\"get-room-info\"}");
        JsonObject info = a.reply("ri", "room-info");
        JsonObject d = data(info);
        assertEquals(room, d.getString("room_id"));
        assertNotNull(d.getString("name"));
        JsonArray clients = d.getJsonArray("clients");
        assertEquals(2, clients.size(), clients.toString());
        for (Peer p : List.of(a, b)) {
            JsonObject entry = clientEntry(clients, p.clientId);
            assertNotNull(entry, p + " in " + clients);
            assertEquals(p.userId(), entry.getString("user_id"));
            assertEquals(p.user.name(), entry.getString("username"));
            assertNotNull(entry.getString("role"));
        }
    }

    @Test
    void everyConnectionStartsWithWelcomeThenRoomInfoThenHistory() {
        String room = Wire.room("welcome");
        User user = Wire.user("w");
        Instant exp = Instant.ofEpochSecond(Wire.claims(user.token()).getJsonNumber("exp").longValue());
        Peer a = join(room, user);
        JsonObject w = data(a.welcome);
        assertFalse(w.getString("client_id").isEmpty());
        assertEquals(user.id(), w.getString("user_id"));
        assertEquals(user.name(), w.getString("username"));
        assertEquals(room, w.getString("room_id"));
        assertEquals("owner", w.getString("role"));
        assertEquals(1, w.getInt("protocol"));
        Instant expiresAt = utc(w.getString("expires_at"));
        assertFalse(expiresAt.isBefore(exp.minusSeconds(1)), "expires_at " + expiresAt + " before exp " + exp);
        assertTrue(expiresAt.isBefore(exp.plusSeconds(120)), "expires_at " + expiresAt + " long after exp " + exp);
        assertNotNull(clientEntry(clientsOf(a.roomInfo), a.clientId), "room-info lists the client itself");
        assertNotNull(data(a.history).getJsonArray("messages"));
    }

    @Test
    void aProfileChangeIsDeliveredToEveryoneIncludingTheSenderAndShowsInRoomInfo() {
        String room = Wire.room("profile");
        Peer a = join(room, "a");
        Peer b = join(room, "b");
        String name = "Zed " + a.userId().substring(2);
        a.send("{\"id\":\"pr\",\"type\":\"profile\",\"data\":{\"username\":" + str(name) + "}}");
        for (Peer p : List.of(a, b)) {
            JsonObject profile = p.next("profile");
            assertEquals(a.clientId, profile.getString("sender"));
            assertEquals(a.clientId, data(profile).getString("id"));
            assertEquals(name, data(profile).getString("username"));
        }
        b.send("{\"id\":\"ri\",\"type\":\"get-room-info\"}");
        assertEquals(name, clientEntry(clientsOf(b.reply("ri", "room-info")), a.clientId).getString("username"));
    }

    @Test
    void aUsernameOf64PrintableCharactersIsAccepted() {
        String room = Wire.room("profile64");
        Peer a = join(room, "a");
        String name = (a.userId() + " ").repeat(8).substring(0, 63) + "\u00e9";
        assertEquals(64, name.codePointCount(0, name.length()));
        a.send("{\"id\":\"p64\",\"type\":\"profile\",\"data\":{\"username\":" + str(name) + "}}");
        assertEquals(name, data(a.reply("p64", "profile")).getString("username"));
    }

    @Test
    void getIceServersAnswersStunAndTimeLimitedTurnCredentials() throws Exception {
        String room = Wire.room("ice");
        Peer a = join(room, "a");
        a.send("{\"id\":\"ice\",\"type\":\"get-ice-servers\"}");
        JsonObject frame = a.reply("ice", "ice-servers");
        assertEquals("server", frame.getString("sender"));
        JsonArray servers = frame.getJsonArray("data");
        boolean stun = false;
        JsonObject turn = null;
        for (JsonValue v : servers) {
            JsonObject s = v.asJsonObject();
            JsonArray urls = s.getJsonArray("urls");
            assertFalse(urls.isEmpty());
            if (urls.getString(0).startsWith("stun:")) {
                stun = true;
            } else if (urls.getString(0).startsWith("turn")) {
                turn = s;
            }
        }
        assumeTrue(stun && turn != null, "the server under test has STUN and TURN configured: " + servers);
        String username = turn.getString("username");
        String[] parts = username.split(":", 2);
        assertEquals(a.userId(), parts[1]);
        Instant expiry = Instant.ofEpochSecond(Long.parseLong(parts[0]));
        assertTrue(expiry.isAfter(Instant.now()), "TURN credentials expire in the future: " + expiry);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(TURN_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, turn.getString("credential"));
    }

    @Test
    void freshIceServersArriveUnaskedAtLeast60SecondsBeforeTheOldOnesExpire() {
        String room = Wire.room("ice-fresh");
        Peer a = join(room, "a");
        a.send("{\"id\":\"ice\",\"type\":\"get-ice-servers\"}");
        JsonArray servers = a.reply("ice", "ice-servers").getJsonArray("data");
        long expiry = turnExpiry(servers);
        assumeTrue(expiry > 0, "TURN configured");
        Instant deadline = Instant.ofEpochSecond(expiry).minusSeconds(60);
        Duration wait = Duration.between(Instant.now(), deadline);
        assumeTrue(wait.compareTo(Duration.ofSeconds(45)) <= 0, "TURN credentials short enough to watch: " + wait);
        JsonObject fresh = a.next(f -> "ice-servers".equals(f.getString("type")) && f.get("ref") == null
                || "ice-servers".equals(f.getString("type")) && f.getString("ref", "").isEmpty(),
                "unasked ice-servers before " + deadline, wait.plusSeconds(1));
        assertTrue(turnExpiry(fresh.getJsonArray("data")) > expiry, "the fresh credentials last longer: " + fresh);
    }

    private static long turnExpiry(JsonArray servers) {
        for (JsonValue v : servers) {
            JsonObject s = v.asJsonObject();
            if (s.containsKey("username")) {
                return Long.parseLong(s.getString("username").split(":", 2)[0]);
            }
        }
        return -1;
    }

    @Test
    void offerAnswerAndCandidatesAreRelayedToTheirReceiverInTheOrderSent() {
        String room = Wire.room("signal");
        Peer a = join(room, "a");
        Peer b = join(room, "b");
        Peer c = join(room, "c");
        a.sendTo("offer", b.clientId, "\"v=0 offer sdp\"");
        for (int i = 0; i < 20; i++) {
            a.sendTo("candidate", b.clientId, "{\"candidate\":\"candidate:" + i + " 1 udp 1 10.0.0.1 " + (5000 + i)
                    + " typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}");
        }
        b.sendTo("answer", a.clientId, "{\"type\":\"answer\",\"sdp\":\"v=0 answer\"}");
        JsonObject offer = b.next("offer");
        assertEquals("v=0 offer sdp", offer.getString("data"));
        assertEquals(a.clientId, offer.getString("sender"));
        assertEquals(b.clientId, offer.getString("receiver"));
        List<JsonObject> relayed = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            relayed.add(b.next("candidate"));
        }
        int offerAt = b.log.indexOf(offer);
        for (int i = 0; i < 20; i++) {
            assertEquals("candidate:" + i + " 1 udp 1 10.0.0.1 " + (5000 + i) + " typ host",
                    data(relayed.get(i)).getString("candidate"));
            assertEquals(0, data(relayed.get(i)).getInt("sdpMLineIndex"));
            assertTrue(b.log.indexOf(relayed.get(i)) > offerAt, "a candidate overtook its offer");
        }
        JsonObject answer = a.next("answer");
        assertEquals(json("{\"type\":\"answer\",\"sdp\":\"v=0 answer\"}"), data(answer));
        assertEquals(b.clientId, answer.getString("sender"));
        a.send("{\"type\":\"greeting\",\"data\":\"barrier\"}");
        c.next("greeting");
        assertTrue(c.logged(type("offer").or(type("candidate")).or(type("answer"))).isEmpty(), "c got signaling: " + c.log);
    }

    @Test
    void aGreetingWithoutReceiverGoesToEveryOtherClientButNotTheSender() {
        String room = Wire.room("greeting");
        Peer a = join(room, "a");
        Peer b = join(room, "b");
        Peer c = join(room, "c");
        a.send("{\"type\":\"greeting\",\"data\":{\"hello\":\"all\"}}");
        for (Peer p : List.of(b, c)) {
            JsonObject g = p.next("greeting");
            assertEquals(a.clientId, g.getString("sender"));
            assertEquals(json("{\"hello\":\"all\"}"), data(g));
            assertAbsent(g, "receiver");
        }
        a.send("{\"id\":\"after\",\"type\":\"ping\",\"data\":0}");
        a.reply("after", "pong");
        assertTrue(a.logged("greeting").isEmpty(), "the sender got its own greeting: " + a.log);
    }

    @Test
    void aClientByeIsRelayedAndTheSenderStaysConnected() {
        String room = Wire.room("bye");
        Peer a = join(room, "a");
        Peer b = join(room, "b");
        a.sendTo("bye", b.clientId, "{\"see\":\"you\"}");
        JsonObject bye = b.next("bye");
        assertEquals(a.clientId, bye.getString("sender"));
        assertEquals(json("{\"see\":\"you\"}"), data(bye));
        a.send("{\"type\":\"bye\",\"data\":\"everyone\"}");
        assertEquals("everyone", b.next("bye").getString("data"));
        a.send("{\"id\":\"still\",\"type\":\"ping\",\"data\":0}");
        a.reply("still", "pong");
        assertFalse(a.isClosed());
    }

    @Test
    void relayedDataIsPassedOnUntouched() {
        String room = Wire.room("opaque");
        Peer a = join(room, "a");
        Peer b = join(room, "b");
        String payload = "{\"type\":\"kick\",\"sender\":\"server\",\"text\":\"" + "\u00e9\uD83D\uDE00".repeat(3000)
                + "\",\"n\":[1.5e300,-0,12345678901234567890],\"nested\":{\"a\":{\"b\":{\"c\":[null,true,false]}}}}";
        a.send("{\"type\":\"greeting\",\"data\":" + payload + "}");
        assertEquals(Wire.jsonValue(payload), b.next("greeting").get("data"));
        a.sendTo("offer", b.clientId, "{\"type\":\"offer\",\"sdp\":\"v=0\\r\\no=- 1 2 IN IP4 127.0.0.1\\r\\n\"}");
        assertEquals("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n", data(b.next("offer")).getString("sdp"));
    }

    // 3.2 Extensions

    @Test
    void joinedGoesToEveryOtherClientWhenAClientEnters() {
        String room = Wire.room("joined");
        Peer a = join(room, "a");
        Peer b = join(room, "b");
        JsonObject joined = a.next("joined");
        JsonObject d = data(joined);
        assertEquals(b.clientId, d.getString("id"));
        assertEquals(b.userId(), d.getString("user_id"));
        assertEquals(b.user.name(), d.getString("username"));
        assertEquals("member", d.getString("role"));
        b.send("{\"id\":\"x\",\"type\":\"ping\",\"data\":0}");
        b.reply("x", "pong");
        assertTrue(b.logged(f -> "joined".equals(f.getString("type")) && b.clientId.equals(data(f).getString("id"))).isEmpty(),
                "the joiner got its own joined: " + b.log);
    }

    @Test
    void leftGoesToTheRoomWhenAConnectionEnds() {
        String room = Wire.room("left");
        Peer a = join(room, "a");
        Peer b = join(room, "b");
        b.socket.abort();
        Duration window = Duration.ofSeconds(data(b.welcome).getInt("resume_window"));
        JsonObject left = a.next(f -> "left".equals(f.getString("type")) && b.clientId.equals(data(f).getString("id")),
                "left once the place kept for a resume (3.3) is over", window.plus(Wire.WAIT));
        assertEquals("timeout", data(left).getString("reason"));
        Peer c = join(room, "c");
        c.close();
        JsonObject left2 = a.next(f -> "left".equals(f.getString("type")) && c.clientId.equals(data(f).getString("id")), "left");
        assertNotNull(data(left2).getString("reason"));
    }

    @Test
    void historyOnJoinIsTheNewest50OldestFirstWithMoreWhenOlderExist() {
        String room = Wire.room("history50");
        Peer observer = join(room, "observer");
        List<Peer> speakers = new ArrayList<>();
        for (int s = 0; s < 6; s++) {
            speakers.add(join(room, "speaker"));
        }
        for (int i = 0; i < 9; i++) {
            for (int s = 0; s < speakers.size(); s++) {
                speakers.get(s).send("{\"type\":\"text\",\"data\":{\"text\":\"m-" + s + "-" + i + "\"}}");
            }
        }
        List<Long> seen = new ArrayList<>();
        for (int n = 0; n < 54; n++) {
            seen.add(messageId(data(observer.next("text"))));
        }
        Peer late = join(room, "late");
        JsonArray messages = historyMessages(late);
        assertEquals(50, messages.size());
        List<Long> ids = new ArrayList<>();
        for (JsonValue v : messages) {
            assertMessageShape(v.asJsonObject());
            ids.add(messageId(v.asJsonObject()));
        }
        assertEquals(seen.subList(4, 54), ids, "the newest 50, oldest first");
        assertTrue(data(late.history).getBoolean("more"));
    }

    @Test
    void historyOfAQuietRoomIsEmptyWithMoreFalse() {
        Peer a = join(Wire.room("quiet"), "a");
        assertEquals(0, historyMessages(a).size());
        assertFalse(data(a.history).getBoolean("more"));
        assertEquals("server", a.history.getString("sender"));
    }

    @Test
    void getHistoryPagesBackwardsWithBeforeAndLimit() {
        String room = Wire.room("get-history");
        Peer a = join(room, "a");
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(messageId(a.say("h" + i)));
        }
        a.send("{\"id\":\"q1\",\"type\":\"get-history\",\"data\":{\"limit\":2}}");
        JsonObject page = data(a.reply("q1", "history"));
        assertEquals(List.of("h4", "h5"), texts(page.getJsonArray("messages")));
        assertTrue(page.getBoolean("more"));
        a.send("{\"id\":\"q2\",\"type\":\"get-history\",\"data\":{\"before\":" + ids.get(3) + ",\"limit\":2}}");
        page = data(a.reply("q2", "history"));
        assertEquals(List.of("h2", "h3"), texts(page.getJsonArray("messages")));
        assertTrue(page.getBoolean("more"));
        a.send("{\"id\":\"q3\",\"type\":\"get-history\",\"data\":{\"before\":" + ids.get(1) + ",\"limit\":2}}");
        page = data(a.reply("q3", "history"));
        assertEquals(List.of("h1"), texts(page.getJsonArray("messages")));
        assertFalse(page.getBoolean("more"));
        a.send("{\"id\":\"q4\",\"type\":\"get-history\"}");
        page = data(a.reply("q4", "history"));
        assertEquals(List.of("h1", "h2", "h3", "h4", "h5"), texts(page.getJsonArray("messages")));
        assertFalse(page.getBoolean("more"));
        a.send("{\"id\":\"q5\",\"type\":\"get-history\",\"data\":{\"limit\":200}}");
        assertEquals(5, data(a.reply("q5", "history")).getJsonArray("messages").size());
    }

    @Test
    void aGetHistoryLimitOutside1To200IsInvalid() {
        String room = Wire.room("limit");
        Peer a = join(room, "a");
        a.send("{\"id\":\"l0\",\"type\":\"get-history\",\"data\":{\"limit\":0}}");
        a.error("l0", "invalid");
        a.send("{\"id\":\"l201\",\"type\":\"get-history\",\"data\":{\"limit\":201}}");
        a.error("l201", "invalid");
        a.send("{\"id\":\"l1\",\"type\":\"get-history\",\"data\":{\"limit\":1}}");
        a.reply("l1", "history");
    }

    @Test
    void clearChatHidesTheHistoryFromMembersEverywhereAndIsDeliveredToEveryClient() {
        String room = Wire.room("clear");
        User admin = Wire.admin("cadm");
        User ownerUser = Wire.user("owner");
        User memberUser = Wire.user("member");
        Peer owner = join(room, ownerUser);
        Peer member = join(room, memberUser);
        owner.say("public words");
        owner.send("{\"id\":\"pv\",\"type\":\"text\",\"receiver\":\"" + member.clientId + "\",\"data\":{\"text\":\"private words\"}}");
        member.text("private words");
        owner.send("{\"id\":\"cc\",\"type\":\"clear-chat\"}");
        JsonObject own = owner.reply("cc", "clear-chat");
        assertEquals(owner.clientId, own.getString("sender"));
        JsonObject atMember = member.next("clear-chat");
        assertEquals(owner.clientId, atMember.getString("sender"));
        member.close();
        Peer memberAgain = join(room, memberUser);
        assertEquals(List.of(), texts(historyMessages(memberAgain)));
        String id = Wire.unique("h");
        memberAgain.send("{\"id\":\"" + id + "\",\"type\":\"get-history\"}");
        assertEquals(List.of(), texts(data(memberAgain.reply(id, "history")).getJsonArray("messages")));
        assertEquals(List.of(), texts(messagesPage("/api/rooms/" + room + "/messages", memberUser).getJsonArray("messages")));
        assertEquals(List.of(), texts(messagesPage("/api/rooms/" + room + "/messages", admin).getJsonArray("messages")),
                "administrators see cleared messages only when they ask");
        JsonArray cleared = messagesPage("/api/rooms/" + room + "/messages?include_cleared=true", admin).getJsonArray("messages");
        assertEquals(Set.of("public words", "private words"), new HashSet<>(texts(cleared)));
        for (JsonValue v : cleared) {
            assertTrue(v.asJsonObject().getBoolean("cleared"), v.toString());
        }
        owner.say("fresh start");
        assertEquals(List.of("fresh start"), texts(messagesPage("/api/rooms/" + room + "/messages", memberUser).getJsonArray("messages")));
    }

    @Test
    void clearChatFromAMemberIsForbidden() {
        String room = Wire.room("clear-member");
        Peer owner = join(room, "owner");
        owner.say("keep me");
        Peer member = join(room, "member");
        member.send("{\"id\":\"cc\",\"type\":\"clear-chat\"}");
        member.error("cc", "forbidden");
        Peer late = join(room, "late");
        assertEquals(List.of("keep me"), texts(historyMessages(late)));
        assertTrue(owner.logged("clear-chat").isEmpty());
    }

    @Test
    void aKickByClientIdSendsByeKickedClosesWith4003AndTellsTheRoom() {
        String room = Wire.room("kick");
        Peer owner = join(room, "owner");
        Peer target = join(room, "target");
        Peer witness = join(room, "witness");
        owner.send("{\"id\":\"k\",\"type\":\"kick\",\"data\":{\"id\":\"" + target.clientId + "\"}}");
        JsonObject bye = target.next("bye");
        assertEquals("server", bye.getString("sender"));
        assertEquals(target.clientId, bye.getString("receiver", null));
        assertEquals("kicked", data(bye).getString("reason"));
        assertEquals(4003, target.awaitClose());
        for (Peer p : List.of(owner, witness)) {
            p.next(f -> "left".equals(f.getString("type")) && target.clientId.equals(data(f).getString("id")), "left of target");
        }
    }

    @Test
    void aKickByUserIdEndsEveryConnectionOfThatUser() {
        String room = Wire.room("kick-user");
        Peer owner = join(room, "owner");
        User targetUser = Wire.user("target");
        Peer tab1 = join(room, targetUser);
        Peer tab2 = join(room, targetUser);
        Peer bystander = join(room, "bystander");
        owner.send("{\"id\":\"k\",\"type\":\"kick\",\"data\":{\"user_id\":\"" + targetUser.id() + "\"}}");
        for (Peer tab : List.of(tab1, tab2)) {
            assertEquals("kicked", data(tab.next("bye")).getString("reason"));
            assertEquals(4003, tab.awaitClose());
        }
        bystander.send("{\"id\":\"x\",\"type\":\"ping\",\"data\":0}");
        bystander.reply("x", "pong");
        assertFalse(bystander.isClosed());
    }

    @Test
    void aKickOfATargetNotInTheRoomIsNoSuchClient() {
        String room = Wire.room("kick-none");
        Peer owner = join(room, "owner");
        Peer elsewhere = join(Wire.room("other"), "elsewhere");
        owner.send("{\"id\":\"k1\",\"type\":\"kick\",\"data\":{\"id\":\"" + elsewhere.clientId + "\"}}");
        owner.error("k1", "no-such-client");
        owner.send("{\"id\":\"k2\",\"type\":\"kick\",\"data\":{\"user_id\":\"" + Wire.unique("nobody") + "\"}}");
        owner.error("k2", "no-such-client");
        assertFalse(elsewhere.isClosed());
    }

    @Test
    void aKickFromAMemberIsForbidden() {
        String room = Wire.room("kick-forbidden");
        Peer owner = join(room, "owner");
        Peer member = join(room, "member");
        member.send("{\"id\":\"k\",\"type\":\"kick\",\"data\":{\"id\":\"" + owner.clientId + "\"}}");
        member.error("k", "forbidden");
        owner.send("{\"id\":\"x\",\"type\":\"ping\",\"data\":0}");
        owner.reply("x", "pong");
        assertTrue(owner.logged("bye").isEmpty());
    }

    @Test
    void aModeratorMayKick() {
        String room = Wire.room("moderator");
        User ownerUser = Wire.user("owner");
        Peer owner = join(room, ownerUser);
        User modUser = Wire.user("mod");
        Wire.putMember(ownerUser, room, modUser.id(), "moderator", 201);
        Peer mod = join(room, modUser);
        assertEquals("moderator", data(mod.welcome).getString("role"));
        Peer target = join(room, "target");
        mod.send("{\"id\":\"k\",\"type\":\"kick\",\"data\":{\"id\":\"" + target.clientId + "\"}}");
        assertEquals(4003, target.awaitClose());
        owner.next(f -> "left".equals(f.getString("type")) && target.clientId.equals(data(f).getString("id")), "left");
    }

    @Test
    void anAdministratorMayKickInARoomItDoesNotOwn() {
        String room = Wire.room("admin-kick");
        join(room, "owner");
        Peer target = join(room, "target");
        Peer admin = join(room, Wire.admin("adm"));
        admin.send("{\"id\":\"k\",\"type\":\"kick\",\"data\":{\"id\":\"" + target.clientId + "\"}}");
        assertEquals(4003, target.awaitClose());
    }

    @Test
    void aRefreshWithAFreshTokenAnswersWelcomeWithTheNewExpiry() {
        String room = Wire.room("refresh");
        String userId = Wire.unique("refresher");
        User first = new User(userId, "Refresher", Wire.token(userId, "Refresher", "[]", 60));
        Peer a = join(room, first);
        Instant oldExpiry = utc(data(a.welcome).getString("expires_at"));
        String fresh = Wire.token(userId, "Refresher", "[]", 3600);
        a.send("{\"id\":\"r\",\"type\":\"refresh\",\"data\":{\"token\":\"" + fresh + "\"}}");
        JsonObject welcome = a.reply("r", "welcome");
        Instant newExpiry = utc(data(welcome).getString("expires_at"));
        assertTrue(newExpiry.isAfter(oldExpiry.plusSeconds(3000)), oldExpiry + " -> " + newExpiry);
        assertEquals(a.clientId, data(welcome).getString("client_id"));
        assertEquals(userId, data(welcome).getString("user_id"));
        assertEquals(1, data(welcome).getInt("protocol"));
    }

    @Test
    void atExpiryAConnectionGetsByeExpiredAndCloses4001UnlessRefreshed() throws Exception {
        String room = Wire.room("expiry");
        Peer witness = join(room, "witness");
        User shortLived = Wire.userWith("short", "[]", 10);
        User refusedRefresh = Wire.userWith("refused", "[]", 10);
        User refreshed = Wire.userWith("renewed", "[]", 10);
        Peer expiring = join(room, shortLived);
        Peer refused = join(room, refusedRefresh);
        Peer renewed = join(room, refreshed);
        refused.send("{\"id\":\"r\",\"type\":\"refresh\",\"data\":{\"token\":\"" + witness.user.token() + "\"}}");
        refused.error("r", "unauthorized");
        String fresh = Wire.token(refreshed.id(), refreshed.name(), "[]", 3600);
        renewed.send("{\"id\":\"r\",\"type\":\"refresh\",\"data\":{\"token\":\"" + fresh + "\"}}");
        renewed.reply("r", "welcome");
        Instant expiresAt = utc(data(expiring.welcome).getString("expires_at"));
        Duration untilExpiry = Duration.between(Instant.now(), expiresAt);
        assertTrue(untilExpiry.compareTo(Duration.ofSeconds(60)) < 0, "a 10 s token expires within a minute: " + expiresAt);
        Duration wait = untilExpiry.plusSeconds(6);
        for (Peer p : List.of(expiring, refused)) {
            JsonObject bye = p.next(type("bye"), "bye at expiry", wait);
            Instant at = Instant.now();
            assertEquals("expired", data(bye).getString("reason"));
            assertEquals("server", bye.getString("sender"));
            assertFalse(at.isBefore(expiresAt.minusSeconds(1)), "bye at " + at + " before expires_at " + expiresAt);
            assertEquals(4001, p.awaitClose());
        }
        witness.next(f -> "left".equals(f.getString("type")) && expiring.clientId.equals(data(f).getString("id")), "left");
        Wire.sleep(1500);
        renewed.send("{\"id\":\"alive\",\"type\":\"ping\",\"data\":0}");
        renewed.reply("alive", "pong");
        assertFalse(renewed.isClosed(), "a refreshed connection outlives its first token");
        Http1.Response r = Http1.handshake("/ws/rooms/" + room, "Authorization: Bearer " + shortLived.token() + "\r\n");
        Wire.assertErrorBody(401, r.status(), r.body());
    }

    @Test
    void aReceiverThatIsNotInTheRoomIsNoSuchClient() {
        String room = Wire.room("receiver");
        Peer a = join(room, "a");
        Peer elsewhere = join(Wire.room("elsewhere"), "elsewhere");
        a.send("{\"id\":\"r1\",\"type\":\"greeting\",\"receiver\":\"" + elsewhere.clientId + "\",\"data\":{}}");
        a.error("r1", "no-such-client");
        a.send("{\"id\":\"r2\",\"type\":\"text\",\"receiver\":\"nobody-here\",\"data\":{\"text\":\"lost\"}}");
        a.error("r2", "no-such-client");
        elsewhere.send("{\"id\":\"x\",\"type\":\"ping\",\"data\":0}");
        elsewhere.reply("x", "pong");
        assertTrue(elsewhere.logged("greeting").isEmpty());
    }

    @Test
    void anErrorLeavesTheConnectionOpen() {
        String room = Wire.room("error-open");
        Peer a = join(room, "a");
        a.send("{\"id\":\"e\",\"type\":\"text\",\"data\":{\"text\":\"\"}}");
        JsonObject error = a.error("e", "invalid");
        assertNotNull(data(error).getString("message"));
        assertEquals("x", a.say("x").getString("text"));
        assertFalse(a.isClosed());
    }

    @Test
    void serverOnlyTypesFromAClientAreUnknownType() {
        String room = Wire.room("server-only");
        Peer a = join(room, "a");
        for (String t : List.of("welcome", "room-info", "ice-servers", "joined", "left", "history", "error")) {
            a.send("{\"id\":\"" + t + "\",\"type\":\"" + t + "\",\"data\":{}}");
            a.error(t, "unknown-type");
        }
    }

    // 5. Delivery

    @Test
    void everyClientSeesChatMessagesInTheSameOrderWithGrowingMessageIds() {
        String room = Wire.room("order");
        List<Peer> all = List.of(join(room, "a"), join(room, "b"), join(room, "c"));
        for (int i = 0; i < 8; i++) {
            for (int s = 0; s < all.size(); s++) {
                all.get(s).send("{\"type\":\"text\",\"data\":{\"text\":\"o-" + s + "-" + i + "\"}}");
            }
        }
        List<List<String>> orders = new ArrayList<>();
        for (Peer p : all) {
            List<String> order = new ArrayList<>();
            long last = Long.MIN_VALUE;
            for (int n = 0; n < 24; n++) {
                JsonObject m = data(p.next("text"));
                long id = messageId(m);
                assertTrue(id > last, "message_id grows: " + last + " then " + id);
                last = id;
                order.add(m.getString("text"));
            }
            orders.add(order);
            for (int s = 0; s < all.size(); s++) {
                int sender = s;
                List<String> own = order.stream().filter(t -> t.startsWith("o-" + sender + "-")).toList();
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    expected.add("o-" + s + "-" + i);
                }
                assertEquals(expected, own, "one sender's texts in the order sent");
            }
        }
        assertEquals(orders.get(0), orders.get(1));
        assertEquals(orders.get(0), orders.get(2));
    }

    @Test
    void framesFromOneSenderToOneReceiverArriveInTheOrderSent() {
        String room = Wire.room("fifo");
        Peer a = join(room, "a");
        Peer b = join(room, "b");
        for (int i = 0; i < 40; i++) {
            if (i % 2 == 0) {
                a.sendTo("greeting", b.clientId, String.valueOf(i));
            } else {
                a.send("{\"type\":\"candidate\",\"receiver\":\"" + b.clientId + "\",\"data\":{\"candidate\":\"" + i
                        + "\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}}");
            }
        }
        for (int i = 0; i < 40; i++) {
            JsonObject f = b.next(type("greeting").or(type("candidate")), "frame " + i);
            String got = "greeting".equals(f.getString("type")) ? f.get("data").toString() : data(f).getString("candidate");
            assertEquals(String.valueOf(i), got);
        }
    }

    // 7. HTTP API

    @Test
    void anAdministratorCreatesARoomAndBecomesItsOwner() {
        User admin = Wire.admin("cradm");
        String room = Wire.room("created");
        JsonObject r = Wire.createRoom(admin, room, "public", "since-join");
        assertEquals(room, r.getString("id"));
        assertEquals("Room " + room, r.getString("name"));
        assertEquals("public", r.getString("visibility"));
        assertEquals("since-join", r.getString("history"));
        assertNear(Instant.now(), utc(r.getString("created_at")), Duration.ofSeconds(60), "created_at");
        assertEquals(0, r.getInt("online"));
        assertEquals("owner", r.getString("role"));
        String body = "{\"id\":\"" + room + "\",\"name\":\"again\",\"visibility\":\"public\",\"history\":\"shared\"}";
        assertError(409, call("POST", "/api/rooms", body, admin.token()));
        User plain = Wire.user("plain");
        String other = "{\"id\":\"" + Wire.room("nope") + "\",\"name\":\"x\",\"visibility\":\"public\",\"history\":\"shared\"}";
        assertError(403, call("POST", "/api/rooms", other, plain.token()));
    }

    @Test
    void aNewRoomHasSharedHistoryByDefault() {
        User admin = Wire.admin("defadm");
        String room = Wire.room("default-history");
        HttpResponse<String> r = call("POST", "/api/rooms",
                "{\"id\":\"" + room + "\",\"name\":\"d\",\"visibility\":\"public\"}", admin.token());
        assertEquals(201, r.statusCode(), r.body());
        assertEquals("shared", json(r.body()).getString("history"));
    }

    @Test
    void theRoomListShowsTheRoomsTheCallerMayEnter() {
        User admin = Wire.admin("ladm");
        String pub = Wire.room("list-pub");
        String priv = Wire.room("list-priv");
        Wire.createRoom(admin, pub, "public", "shared");
        Wire.createRoom(admin, priv, "private", "shared");
        User member = Wire.user("listed");
        Wire.putMember(admin, priv, member.id(), "member", 201);
        User outsider = Wire.user("unlisted");
        Set<String> forMember = ids(jsonArray(get("/api/rooms", member.token()).body()));
        assertTrue(forMember.contains(pub) && forMember.contains(priv), "member sees both");
        Set<String> forOutsider = ids(jsonArray(get("/api/rooms", outsider.token()).body()));
        assertTrue(forOutsider.contains(pub), "outsider sees the public room");
        assertFalse(forOutsider.contains(priv), "outsider does not see the private room");
        Set<String> mine = ids(jsonArray(get("/api/me/rooms", member.token()).body()));
        assertTrue(mine.contains(priv));
        assertFalse(mine.contains(pub), "me/rooms lists only rooms the caller is a member of");
    }

    private static Set<String> ids(JsonArray rooms) {
        Set<String> ids = new HashSet<>();
        rooms.forEach(v -> ids.add(v.asJsonObject().getString("id")));
        return ids;
    }

    @Test
    void aPublicRoomIsVisibleToAnyoneAndAPrivateOneToMembersAndAdministrators() {
        User admin = Wire.admin("vadm");
        String pub = Wire.room("vis-pub");
        Peer online = join(pub, "online");
        User anyone = Wire.user("anyone");
        HttpResponse<String> r = get("/api/rooms/" + pub, anyone.token());
        assertEquals(200, r.statusCode(), r.body());
        JsonObject room = json(r.body());
        assertEquals(pub, room.getString("id"));
        assertEquals(1, room.getInt("online"));
        assertTrue(room.isNull("role"), "anyone's role is null: " + room);
        assertEquals("owner", json(get("/api/rooms/" + pub, online.user.token()).body()).getString("role"));
        String priv = Wire.room("vis-priv");
        Wire.createRoom(admin, priv, "private", "shared");
        assertError(403, get("/api/rooms/" + priv, anyone.token()));
        assertEquals(200, get("/api/rooms/" + priv, admin.token()).statusCode());
        User member = Wire.user("vmember");
        Wire.putMember(admin, priv, member.id(), "member", 201);
        HttpResponse<String> asMember = get("/api/rooms/" + priv, member.token());
        assertEquals(200, asMember.statusCode());
        assertEquals("member", json(asMember.body()).getString("role"));
        assertError(404, get("/api/rooms/" + Wire.room("missing"), anyone.token()));
    }

    @Test
    void anOwnerMayPatchARoomAndAMemberMayNot() {
        String room = Wire.room("patch");
        Peer owner = join(room, "owner");
        User member = Wire.user("member");
        join(room, member);
        HttpResponse<String> r = call("PATCH", "/api/rooms/" + room, "{\"name\":\"Renamed\"}", owner.user.token());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("Renamed", json(r.body()).getString("name"));
        assertEquals("public", json(r.body()).getString("visibility"));
        assertError(403, call("PATCH", "/api/rooms/" + room, "{\"name\":\"Mine\"}", member.token()));
        r = call("PATCH", "/api/rooms/" + room, "{\"visibility\":\"private\",\"history\":\"none\"}", owner.user.token());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("private", json(r.body()).getString("visibility"));
        assertEquals("none", json(r.body()).getString("history"));
        assertEquals("Renamed", json(r.body()).getString("name"));
        User stranger = Wire.user("stranger");
        Http1.Response hs = Http1.handshake("/ws/rooms/" + room, "Authorization: Bearer " + stranger.token() + "\r\n");
        Wire.assertErrorBody(403, hs.status(), hs.body());
    }

    @Test
    void deletingARoomSendsByeRoomDeletedAndCloses4004() {
        User admin = Wire.admin("dadm");
        String room = Wire.room("delete");
        Peer a = join(room, "a");
        Peer b = join(room, "b");
        assertError(403, call("DELETE", "/api/rooms/" + room, null, a.user.token()));
        HttpResponse<String> r = call("DELETE", "/api/rooms/" + room, null, admin.token());
        assertEquals(204, r.statusCode(), r.body());
        for (Peer p : List.of(a, b)) {
            JsonObject bye = p.next("bye");
            assertEquals("room-deleted", data(bye).getString("reason"));
            assertEquals("server", bye.getString("sender"));
            assertEquals(4004, p.awaitClose());
        }
    }

    @Test
    void membersAreListedWithRoleAndTimes() {
        String room = Wire.room("members");
        Peer owner = join(room, "owner");
        Peer member = join(room, "member");
        HttpResponse<String> r = get("/api/rooms/" + room + "/members", member.user.token());
        assertEquals(200, r.statusCode(), r.body());
        JsonArray members = jsonArray(r.body());
        assertEquals(2, members.size(), members.toString());
        for (JsonValue v : members) {
            JsonObject m = v.asJsonObject();
            boolean isOwner = owner.userId().equals(m.getString("user_id"));
            assertEquals(isOwner ? "owner" : "member", m.getString("role"));
            assertEquals(isOwner ? owner.user.name() : member.user.name(), m.getString("username"));
            utc(m.getString("joined_at"));
            assertTrue(m.containsKey("last_seen_at"), m.toString());
        }
        User outsider = Wire.user("outsider");
        String priv = Wire.room("members-priv");
        Wire.createRoom(Wire.admin("madm"), priv, "private", "shared");
        assertError(403, get("/api/rooms/" + priv + "/members", outsider.token()));
    }

    @Test
    void puttingAMemberAnswers201WhenAddedAnd200WhenChangedEvenBeforeTheyEverSignedIn() {
        User admin = Wire.admin("padm");
        String room = Wire.room("put");
        Wire.createRoom(admin, room, "private", "shared");
        String newcomer = Wire.unique("never-signed-in");
        Wire.putMember(admin, room, newcomer, "member", 201);
        Wire.putMember(admin, room, newcomer, "moderator", 200);
        JsonArray members = jsonArray(get("/api/rooms/" + room + "/members", admin.token()).body());
        assertTrue(members.stream().anyMatch(v -> newcomer.equals(v.asJsonObject().getString("user_id"))
                && "moderator".equals(v.asJsonObject().getString("role"))), members.toString());
        User user = new User(newcomer, "Newcomer", Wire.token(newcomer, "Newcomer", "[]", 3600));
        Peer peer = join(room, user);
        assertEquals("moderator", data(peer.welcome).getString("role"));
        User member = Wire.user("plain");
        Wire.putMember(admin, room, member.id(), "member", 201);
        assertError(403, call("PUT", "/api/rooms/" + room + "/members/" + Wire.unique("x"), "{\"role\":\"member\"}", member.token()));
    }

    @Test
    void removingAMemberEndsTheirConnectionsWithByeKicked4003() {
        String room = Wire.room("remove");
        Peer owner = join(room, "owner");
        Peer target = join(room, "target");
        HttpResponse<String> r = call("DELETE", "/api/rooms/" + room + "/members/" + target.userId(), null, owner.user.token());
        assertEquals(204, r.statusCode(), r.body());
        assertEquals("kicked", data(target.next("bye")).getString("reason"));
        assertEquals(4003, target.awaitClose());
        owner.next(f -> "left".equals(f.getString("type")) && target.clientId.equals(data(f).getString("id")), "left");
    }

    @Test
    void clientsListsTheConnectionsNowAsInRoomInfo() {
        String room = Wire.room("clients");
        Peer a = join(room, "a");
        Peer b = join(room, "b");
        HttpResponse<String> r = get("/api/rooms/" + room + "/clients", a.user.token());
        assertEquals(200, r.statusCode(), r.body());
        JsonArray clients = jsonArray(r.body());
        assertEquals(2, clients.size());
        for (Peer p : List.of(a, b)) {
            JsonObject entry = clientEntry(clients, p.clientId);
            assertNotNull(entry, clients.toString());
            assertEquals(p.userId(), entry.getString("user_id"));
            assertEquals(p.user.name(), entry.getString("username"));
            assertEquals(p == a ? "owner" : "member", entry.getString("role"));
        }
    }

    @Test
    void messagesAreNewestFirstAndPagedWithNext() {
        String room = Wire.room("messages");
        Peer a = join(room, "a");
        for (int i = 1; i <= 5; i++) {
            a.say("m" + i);
        }
        JsonObject page = messagesPage("/api/rooms/" + room + "/messages?limit=2", a.user);
        assertEquals(List.of("m5", "m4"), texts(page.getJsonArray("messages")));
        for (JsonValue v : page.getJsonArray("messages")) {
            assertMessageShape(v.asJsonObject());
        }
        String next = page.getString("next");
        assertTrue(next.startsWith("/"), "next is a path: " + next);
        page = messagesPage(next, a.user);
        assertEquals(List.of("m3", "m2"), texts(page.getJsonArray("messages")));
        page = messagesPage(page.getString("next"), a.user);
        assertEquals(List.of("m1"), texts(page.getJsonArray("messages")));
        assertTrue(page.isNull("next"), "the last page has no next: " + page);
        page = messagesPage("/api/rooms/" + room + "/messages", a.user);
        assertEquals(List.of("m5", "m4", "m3", "m2", "m1"), texts(page.getJsonArray("messages")));
    }

    @Test
    void messagesFilterByUserWordsAndMessageIds() {
        String room = Wire.room("filter");
        Peer a = join(room, "a");
        Peer b = join(room, "b");
        long id1 = messageId(a.say("Quick brown fox"));
        long id2 = messageId(b.say("lazy dog sleeps"));
        long id3 = messageId(a.say("the FOX is QUICK today"));
        long id4 = messageId(b.say("quick only"));
        String base = "/api/rooms/" + room + "/messages";
        assertEquals(List.of("the FOX is QUICK today", "Quick brown fox"),
                texts(messagesPage(base + "?user=" + a.userId(), b.user).getJsonArray("messages")));
        assertEquals(List.of("the FOX is QUICK today", "Quick brown fox"),
                texts(messagesPage(base + "?q=" + URLEncoder.encode("quick fox", StandardCharsets.UTF_8), b.user)
                        .getJsonArray("messages")));
        assertEquals(List.of("lazy dog sleeps", "Quick brown fox"),
                texts(messagesPage(base + "?before=" + id3, b.user).getJsonArray("messages")));
        assertEquals(List.of("quick only", "the FOX is QUICK today"),
                texts(messagesPage(base + "?after=" + id2, b.user).getJsonArray("messages")));
        assertEquals(List.of("the FOX is QUICK today", "lazy dog sleeps"),
                texts(messagesPage(base + "?after=" + id1 + "&before=" + id4, b.user).getJsonArray("messages")));
    }

    @Test
    void messagesFilterBySinceInclusiveAndUntilExclusive() {
        String room = Wire.room("since");
        Peer a = join(room, "a");
        Peer clock = join(Wire.room("clock"), "clock");
        String t1 = a.say("first").getString("time");
        serverClockPasses(clock, t1);
        String t2 = a.say("second").getString("time");
        serverClockPasses(clock, t2);
        String t3 = a.say("third").getString("time");
        assertTrue(utc(t1).isBefore(utc(t2)) && utc(t2).isBefore(utc(t3)), t1 + ", " + t2 + ", " + t3);
        String base = "/api/rooms/" + room + "/messages";
        String enc = URLEncoder.encode(t2, StandardCharsets.UTF_8);
        assertEquals(List.of("third", "second"), texts(messagesPage(base + "?since=" + enc, a.user).getJsonArray("messages")));
        assertEquals(List.of("first"), texts(messagesPage(base + "?until=" + enc, a.user).getJsonArray("messages")));
    }

    /**
     * Says something in a room of its own until the server stamps a time
     * after {@code time}: a message said next is stamped later still, on the
     * server's clock, whatever this machine's clock says.
     */
    private static void serverClockPasses(Peer clock, String time) {
        Instant past = utc(time);
        long deadline = System.nanoTime() + Wire.WAIT.toNanos();
        while (!utc(clock.say("tick").getString("time")).isAfter(past)) {
            assertTrue(System.nanoTime() < deadline, "the server's clock stayed at " + time + " for " + Wire.WAIT);
            Wire.sleep(1);
        }
    }

    @Test
    void messagesOfAPrivateRoomAreForMembersAndAdministratorsOnly() {
        User admin = Wire.admin("madm");
        String room = Wire.room("msg-priv");
        Wire.createRoom(admin, room, "private", "shared");
        assertError(403, get("/api/rooms/" + room + "/messages", Wire.user("outsider").token()));
        assertEquals(200, get("/api/rooms/" + room + "/messages", admin.token()).statusCode());
    }

    @Test
    void includeClearedIsForAdministratorsOnly() {
        String room = Wire.room("cleared-403");
        Peer owner = join(room, "owner");
        assertError(403, get("/api/rooms/" + room + "/messages?include_cleared=true", owner.user.token()));
    }

    @Test
    void theExportStreamsTheWholeHistoryToAdministrators() {
        String room = Wire.room("export");
        Peer a = join(room, "a");
        a.say("exported one");
        a.say("exported, two");
        User admin = Wire.admin("eadm");
        HttpResponse<String> nd = get("/api/rooms/" + room + "/messages/export?format=ndjson", admin.token());
        assertEquals(200, nd.statusCode(), nd.body());
        List<String> lines = nd.body().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(2, lines.size(), nd.body());
        Set<String> exported = new HashSet<>();
        for (String line : lines) {
            exported.add(json(line).getString("text"));
        }
        assertEquals(Set.of("exported one", "exported, two"), exported);
        HttpResponse<String> csv = get("/api/rooms/" + room + "/messages/export?format=csv", admin.token());
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.body().contains("exported one"), csv.body());
        assertError(403, get("/api/rooms/" + room + "/messages/export?format=ndjson", a.user.token()));
    }

    @Test
    void aTicketForAPrivateRoomIsForMembersOnly() {
        User admin = Wire.admin("tadm");
        String room = Wire.room("ticket-priv");
        Wire.createRoom(admin, room, "private", "shared");
        assertError(403, call("POST", "/api/rooms/" + room + "/tickets", "{}", Wire.user("outsider").token()));
        User member = Wire.user("member");
        Wire.putMember(admin, room, member.id(), "member", 201);
        HttpResponse<String> r = call("POST", "/api/rooms/" + room + "/tickets", "{}", member.token());
        assertEquals(201, r.statusCode(), r.body());
        Peer peer = Peer.joinWithTicket(room, member, json(r.body()).getString("ticket"));
        peers.add(peer);
        assertEquals(member.id(), data(peer.welcome).getString("user_id"));
    }

}
