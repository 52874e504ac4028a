package com.rooms.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.rooms.conformance.Wire.User;

/**
 * Resume as PROTOCOL.md 2 ({@code seq}) and 3.3 promise it, and
 * {@code get-history} with {@code after} (3.1), over real sockets; the
 * window is read from {@code welcome}, never assumed.
 */
class ResumeConformanceIT {
    private final List<Peer> peers = new ArrayList<>();

    @AfterEach
    void closePeers() {
        peers.forEach(Peer::close);
    }

    private Peer join(String room, User user) {
        return kept(Peer.join(room, user));
    }

    private Peer kept(Peer peer) {
        peers.add(peer);
        return peer;
    }

    private static JsonObject data(JsonObject frame) {
        return frame.getJsonObject("data");
    }

    private static Predicate<JsonObject> type(String type) {
        return f -> type.equals(f.getString("type", null));
    }

    private static Predicate<JsonObject> about(String type, String clientId) {
        return f -> type.equals(f.getString("type", null)) && clientId.equals(data(f).getString("id", null));
    }

    /** The peer's own ping answered: whatever the server had for it before has arrived. */
    private static void settle(Peer peer) {
        String id = Wire.unique("settle");
        peer.send("{\"id\":\"" + id + "\",\"type\":\"ping\",\"data\":\"" + id + "\"}");
        peer.reply(id, "pong");
    }

    private static void say(Peer peer, String text) {
        String id = Wire.unique("t");
        peer.send("{\"id\":\"" + id + "\",\"type\":\"text\",\"data\":{\"text\":\"" + text + "\"}}");
        peer.reply(id, "text");
    }

    /** The frames after the resumed {@code welcome}, up to and including the fresh room-info. */
    private static List<JsonObject> replayed(Peer back) {
        List<JsonObject> frames = new ArrayList<>();
        JsonObject f;
        do {
            f = back.next(x -> true, "the frames of a resume, up to room-info");
            frames.add(f);
        } while (!"room-info".equals(f.getString("type")));
        return frames;
    }

    private static long seq(JsonObject frame) {
        return frame.getJsonNumber("seq").longValue();
    }

    private static Duration window(Peer peer) {
        return Duration.ofSeconds(data(peer.welcome).getInt("resume_window"));
    }

    /** A network drop: the TCP connection ends without a close frame. */
    private static void drop(Peer peer) {
        peer.socket.abort();
    }

    /** A room where {@code a} watches {@code b} (user {@code bob}), who has read everything sent to it so far. */
    private record Pair(String room, User bob, Peer a, Peer b) {
    }

    private Pair pair(String prefix) {
        String room = Wire.room(prefix);
        User bob = Wire.user("b");
        Peer a = join(room, Wire.user("a"));
        Peer b = join(room, bob);
        settle(b);
        return new Pair(room, bob, a, b);
    }

    @Test
    void everyServerFrameCarriesASeqCountingFromOneWithoutGaps() {
        String room = Wire.room("seq");
        Peer a = join(room, Wire.user("a"));
        Peer b = join(room, Wire.user("b"));
        say(b, "hello");
        settle(a);
        for (int i = 0; i < a.log.size(); i++) {
            assertEquals(i + 1, seq(a.log.get(i)), "frame " + i + " of " + a.log);
        }
        JsonObject welcome = data(a.welcome);
        assertFalse(welcome.getString("resume").isEmpty());
        assertTrue(welcome.getInt("resume_window") > 0);
        assertFalse(welcome.getBoolean("resumed"));
    }

    @Test
    void aNetworkDropKeepsThePlaceAndAResumeGetsWhatItMissedWithoutAnybodySeeingAnything() {
        Pair p = pair("drop");
        long read = p.b().lastSeq();
        String token = p.b().resumeToken();
        settle(p.a());
        int aSawBefore = p.a().log.size();
        drop(p.b());
        say(p.a(), "while away 1");
        say(p.a(), "while away 2");

        Peer back = kept(Peer.resume(p.room(), p.bob(), token, read));

        JsonObject welcome = data(back.welcome);
        assertTrue(welcome.getBoolean("resumed"));
        assertEquals(p.b().clientId, welcome.getString("client_id"));
        List<JsonObject> frames = replayed(back);
        assertEquals(List.of("text", "text", "room-info"), frames.stream().map(f -> f.getString("type")).toList());
        assertEquals("while away 1", data(frames.get(0)).getString("text"));
        assertEquals("while away 2", data(frames.get(1)).getString("text"));
        assertEquals(read + 1, seq(frames.get(0)));
        assertEquals(read + 2, seq(frames.get(1)));
        assertEquals(read + 3, seq(back.welcome), "welcome numbered after the newest kept frame");
        assertEquals(read + 4, seq(frames.get(2)));
        assertTrue(data(frames.get(2)).getJsonArray("clients").stream()
                .anyMatch(c -> p.b().clientId.equals(c.asJsonObject().getString("id"))));
        settle(back);
        assertTrue(back.logged(type("history")).isEmpty(), "no history on a resume: " + back.log);

        settle(p.a());
        List<JsonObject> aSawSince = p.a().log.subList(aSawBefore, p.a().log.size());
        assertTrue(aSawSince.stream().noneMatch(about("left", p.b().clientId)), "nobody saw a leave: " + aSawSince);
        assertTrue(aSawSince.stream().noneMatch(about("joined", p.b().clientId)), "nobody saw a join: " + aSawSince);
        say(p.a(), "after");
        back.text("after");
    }

    @Test
    void theClientsClose4000KeepsThePlace() throws Exception {
        Pair p = pair("c4000");
        p.b().socket.sendClose(4000, "reconnecting").get(10, TimeUnit.SECONDS);
        p.b().awaitClose();
        say(p.a(), "meanwhile");

        Peer back = kept(Peer.resume(p.room(), p.bob(), p.b().resumeToken(), p.b().lastSeq()));

        assertTrue(data(back.welcome).getBoolean("resumed"));
        assertEquals("meanwhile", data(replayed(back).get(0)).getString("text"));
        settle(p.a());
        assertTrue(p.a().logged(about("left", p.b().clientId)).isEmpty(), p.a().log.toString());
    }

    @Test
    void anOrdinaryCloseLeavesAtOnceAndItsTokenGivesAnOrdinaryJoin() throws Exception {
        Pair p = pair("c1000");
        String token = p.b().resumeToken();
        p.b().socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
        JsonObject left = p.a().next(about("left", p.b().clientId), "left of b");
        assertEquals("closed", data(left).getString("reason"));

        Peer again = kept(Peer.resume(p.room(), p.bob(), token, p.b().lastSeq()));

        assertFalse(data(again.welcome).getBoolean("resumed"));
        assertNotEquals(p.b().clientId, again.clientId, "a new client id");
        assertEquals("room-info", again.next(x -> true, "second frame").getString("type"));
        assertEquals("history", again.next(x -> true, "third frame").getString("type"));
        p.a().next(about("joined", again.clientId), "joined of the new client");
    }

    @Test
    void aResumeWhileTheOldConnectionStillLooksOpenClosesItAndNobodySeesIt() {
        Pair p = pair("stillopen");

        Peer back = kept(Peer.resume(p.room(), p.bob(), p.b().resumeToken(), p.b().lastSeq()));

        assertTrue(data(back.welcome).getBoolean("resumed"));
        assertEquals(p.b().clientId, back.clientId);
        replayed(back);
        p.b().awaitClose();
        say(p.a(), "to the new connection");
        back.text("to the new connection");
        settle(p.a());
        assertTrue(p.a().logged(about("left", p.b().clientId)).isEmpty(), p.a().log.toString());
        assertTrue(p.b().logged(f -> "text".equals(f.getString("type")) && "to the new connection"
                .equals(data(f).getString("text"))).isEmpty(), "the old connection got nothing more");
    }

    @Test
    void aTokenIsGoodForOneResumeOnly() {
        Pair p = pair("once");
        String token = p.b().resumeToken();
        drop(p.b());
        Peer back = kept(Peer.resume(p.room(), p.bob(), token, p.b().lastSeq()));
        replayed(back);
        long read = back.lastSeq();
        drop(back);

        Peer again = kept(Peer.resume(p.room(), p.bob(), token, read));

        assertFalse(data(again.welcome).getBoolean("resumed"), "the used token gave an ordinary join");
        assertNotEquals(p.b().clientId, again.clientId);
        p.a().next(about("joined", again.clientId), "joined of the ordinary join");
    }

    @Test
    void anotherUsersTokenGivesAnOrdinaryJoinAndStaysGoodForItsOwner() {
        Pair p = pair("foreign");
        String token = p.b().resumeToken();
        drop(p.b());

        Peer mallory = kept(Peer.resume(p.room(), Wire.user("mallory"), token, p.b().lastSeq()));
        assertFalse(data(mallory.welcome).getBoolean("resumed"));
        assertNotEquals(p.b().clientId, mallory.clientId);

        Peer back = kept(Peer.resume(p.room(), p.bob(), token, p.b().lastSeq()));
        assertTrue(data(back.welcome).getBoolean("resumed"));
        assertEquals(p.b().clientId, back.clientId);
        settle(p.a());
    }

    @Test
    void aLastSeqThatWasNeverSentGivesAnOrdinaryJoinAndThePlaceLeaves() {
        Pair p = pair("future");
        drop(p.b());

        Peer again = kept(Peer.resume(p.room(), p.bob(), p.b().resumeToken(), p.b().lastSeq() + 1000));

        assertFalse(data(again.welcome).getBoolean("resumed"));
        JsonObject left = p.a().next(about("left", p.b().clientId), "left of the place that could not be resumed");
        assertEquals("timeout", data(left).getString("reason"));
        p.a().next(about("joined", again.clientId), "joined of the ordinary join");
    }

    @Test
    void aResumeWithoutAWholeLastSeqIsRefused400() {
        String room = Wire.room("badseq");
        User bob = Wire.user("b");
        Peer b = join(room, bob);
        String token = b.resumeToken();
        for (String query : new String[] {"resume=" + token, "resume=" + token + "&last_seq=",
                "resume=" + token + "&last_seq=-1", "resume=" + token + "&last_seq=1.5",
                "resume=" + token + "&last_seq=99999999999999999999"}) {
            Http1.Response r = Http1.handshake("/ws/rooms/" + room + "?" + query,
                    "Authorization: Bearer " + bob.token() + "\r\n");
            Wire.assertErrorBody(400, r.status(), r.body());
        }
        say(b, "still here");
    }

    @Test
    void whenTheWindowRunsOutTheRoomGetsLeftTimeoutAndTheTokenGivesAnOrdinaryJoin() {
        Pair p = pair("window");
        drop(p.b());

        JsonObject left = p.a().next(about("left", p.b().clientId), "left after the window",
                window(p.b()).plus(Wire.WAIT));
        assertEquals("timeout", data(left).getString("reason"));

        Peer again = kept(Peer.resume(p.room(), p.bob(), p.b().resumeToken(), p.b().lastSeq()));
        assertFalse(data(again.welcome).getBoolean("resumed"));
    }

    @Test
    void aKeptPlaceOfAKickedUserEndsWithLeftKicked() {
        String room = Wire.room("kickkept");
        User bob = Wire.user("b");
        Peer owner = join(room, Wire.user("owner"));
        assertEquals("owner", data(owner.welcome).getString("role"));
        Peer b = join(room, bob);
        settle(b);
        drop(b);

        owner.send("{\"type\":\"kick\",\"data\":{\"user_id\":\"" + bob.id() + "\"}}");

        assertEquals("kicked", data(owner.next(about("left", b.clientId), "left of the kept place")).getString("reason"));
        Peer again = kept(Peer.resume(room, bob, b.resumeToken(), b.lastSeq()));
        assertFalse(data(again.welcome).getBoolean("resumed"));
    }

    @Test
    void aResumeIsLetIntoALockedRoomThatRefusesNewcomers() {
        String room = Wire.room("lockedresume");
        User bob = Wire.user("b");
        Peer owner = join(room, Wire.user("owner"));
        Peer b = join(room, bob);
        settle(b);
        owner.send("{\"id\":\"l\",\"type\":\"lock\"}");
        owner.reply("l", "room-state");
        b.next(type("room-state"), "room-state");
        drop(b);

        Peer back = kept(Peer.resume(room, bob, b.resumeToken(), b.lastSeq()));
        assertTrue(data(back.welcome).getBoolean("resumed"));

        User newcomer = Wire.user("late");
        Http1.Response r = Http1.handshake("/ws/rooms/" + room, "Authorization: Bearer " + newcomer.token() + "\r\n");
        assertEquals("locked", Wire.assertErrorBody(403, r.status(), r.body()));
    }

    @Test
    void getHistoryAfterGivesTheOldestNewerMessagesOldestFirst() {
        String room = Wire.room("after");
        Peer a = join(room, Wire.user("a"));
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            String id = Wire.unique("t");
            a.send("{\"id\":\"" + id + "\",\"type\":\"text\",\"data\":{\"text\":\"m" + i + "\"}}");
            ids.add(data(a.reply(id, "text")).getJsonNumber("message_id").longValue());
        }
        a.send("{\"id\":\"h1\",\"type\":\"get-history\",\"data\":{\"after\":" + ids.get(0) + ",\"limit\":2}}");
        JsonObject page = data(a.reply("h1", "history"));
        List<String> texts = page.getJsonArray("messages").stream()
                .map(m -> m.asJsonObject().getString("text")).toList();
        assertEquals(List.of("m2", "m3"), texts);
        assertTrue(page.getBoolean("more"));

        a.send("{\"id\":\"h2\",\"type\":\"get-history\",\"data\":{\"after\":" + ids.get(2) + "}}");
        JsonObject last = data(a.reply("h2", "history"));
        assertEquals(1, last.getJsonArray("messages").size());
        assertFalse(last.getBoolean("more"));

        a.send("{\"id\":\"h3\",\"type\":\"get-history\",\"data\":{\"after\":1,\"before\":9}}");
        assertNotNull(a.error("h3", "invalid"));
    }
}
