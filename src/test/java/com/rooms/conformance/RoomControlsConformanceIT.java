package com.rooms.conformance;

import static com.rooms.conformance.Wire.call;
import static com.rooms.conformance.Wire.get;
import static com.rooms.conformance.Wire.json;
import static com.rooms.conformance.Wire.jsonArray;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.rooms.conformance.Wire.User;

/**
 * The room controls of PROTOCOL.md (1.1's 403 codes, 2's sender and ref rules, 3.3's status, lock, unlock,
 * room-state, set-role, role and mute, and 7's locked and max_clients), one promise per test.
 */
class RoomControlsConformanceIT {
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

    private static JsonObject data(JsonObject frame) {
        return frame.getJsonObject("data");
    }

    private static Predicate<JsonObject> type(String type) {
        return f -> type.equals(f.getString("type", null));
    }

    private static String frame(String id, String type, String receiver, String dataJson) {
        StringBuilder b = new StringBuilder("{");
        if (id != null) {
            b.append("\"id\":").append(Wire.str(id)).append(',');
        }
        if (receiver != null) {
            b.append("\"receiver\":").append(Wire.str(receiver)).append(',');
        }
        b.append("\"type\":").append(Wire.str(type));
        if (dataJson != null) {
            b.append(",\"data\":").append(dataJson);
        }
        return b.append('}').toString();
    }

    /** The contract's "absent" (an empty string, as in the envelope example, counts as absent too). */
    private static void assertAbsent(JsonObject frame, String key) {
        JsonValue v = frame.get(key);
        assertTrue(v == null || v.getValueType() == JsonValue.ValueType.NULL
                || (v.getValueType() == JsonValue.ValueType.STRING && frame.getString(key).isEmpty()),
                key + " should be absent: " + frame);
    }

    /** The peer's own ping answered: every frame its earlier frames caused for it has arrived by now. */
    private static void settle(Peer peer) {
        String id = Wire.unique("settle");
        peer.send(frame(id, "ping", null, Wire.str(id)));
        peer.reply(id, "pong");
    }

    /** A greeting from one client to another: everything {@code from} sent {@code to} earlier has arrived. */
    private static void settle(Peer from, Peer to) {
        String tag = Wire.unique("mark");
        from.send(frame(null, "greeting", to.clientId, Wire.str(tag)));
        to.next(f -> "greeting".equals(f.getString("type", null)) && Wire.str(tag).equals(String.valueOf(f.get("data"))),
                "greeting " + tag + " from " + from);
    }

    /** Closes {@code gone} and waits until {@code watcher} sees it leave. */
    private static void leave(Peer gone, Peer watcher) {
        gone.close();
        watcher.next(f -> "left".equals(f.getString("type", null)) && gone.clientId.equals(data(f).getString("id")),
                "left of " + gone);
    }

    /** Sends {@code lock} or {@code unlock} with an id and returns the sender's own room-state. */
    private static JsonObject control(Peer peer, String type) {
        String id = Wire.unique(type);
        peer.send(frame(id, type, null, null));
        return peer.reply(id, "room-state");
    }

    private static void setRole(Peer peer, String id, String userId, String role) {
        peer.send(frame(id, "set-role", null, "{\"user_id\":" + Wire.str(userId) + ",\"role\":" + Wire.str(role) + "}"));
    }

    /** The role frames a set-role caused (those of the HTTP API are stamped "server"). */
    private static List<JsonObject> setRoleAnswers(Peer peer) {
        return peer.logged(f -> "role".equals(f.getString("type", null)) && !"server".equals(f.getString("sender", null)));
    }

    private static Http1.Response handshake(String room, User user) {
        return Http1.handshake("/ws/rooms/" + room, "Authorization: Bearer " + user.token() + "\r\n");
    }

    private static void assertHandshakeRefused(String room, User user, String code) {
        Http1.Response r = handshake(room, user);
        assertEquals(code, Wire.assertErrorBody(403, r.status(), r.body()), "handshake of " + user.id() + ": " + r.body());
    }

    private static HttpResponse<String> ticket(String room, User user) {
        return call("POST", "/api/rooms/" + room + "/tickets", "{}", user.token());
    }

    private static void assertTicketRefused(String room, User user, String code) {
        assertEquals(code, Wire.assertError(403, ticket(room, user)), "ticket for " + user.id());
    }

    private static JsonObject roomJson(String room, User caller) {
        HttpResponse<String> r = get("/api/rooms/" + room, caller.token());
        assertEquals(200, r.statusCode(), r.body());
        return json(r.body());
    }

    private static HttpResponse<String> postRoom(User admin, String bodyJson) {
        return call("POST", "/api/rooms", bodyJson, admin.token());
    }

    private static String roomBody(String id, String extra) {
        return "{\"id\":" + Wire.str(id) + ",\"name\":" + Wire.str("Room " + id)
                + ",\"visibility\":\"public\",\"history\":\"shared\"" + extra + "}";
    }

    private static HttpResponse<String> patch(String room, User caller, String bodyJson) {
        return call("PATCH", "/api/rooms/" + room, bodyJson, caller.token());
    }

    private static String memberRole(String room, User caller, String userId) {
        HttpResponse<String> r = get("/api/rooms/" + room + "/members", caller.token());
        assertEquals(200, r.statusCode(), r.body());
        for (JsonValue v : jsonArray(r.body())) {
            if (userId.equals(v.asJsonObject().getString("user_id"))) {
                return v.asJsonObject().getString("role");
            }
        }
        return null;
    }

    private static JsonObject clientEntry(JsonObject roomInfo, String clientId) {
        for (JsonValue v : data(roomInfo).getJsonArray("clients")) {
            if (clientId.equals(v.asJsonObject().getString("id"))) {
                return v.asJsonObject();
            }
        }
        return null;
    }

    private static JsonObject roomInfo(Peer peer) {
        String id = Wire.unique("ri");
        peer.send(frame(id, "get-room-info", null, null));
        return peer.reply(id, "room-info");
    }

    /** A room whose first client is its owner (the dev configuration creates it), with a moderator put in by the owner. */
    private final class Controlled {
        final String room;
        final User ownerUser = Wire.user("owner");
        final User moderatorUser = Wire.user("mod");
        final User memberUser = Wire.user("member");
        final Peer owner;
        final Peer moderator;
        final Peer member;

        Controlled(String prefix) {
            room = Wire.room(prefix);
            owner = join(room, ownerUser);
            assertEquals("owner", data(owner.welcome).getString("role"), "the first user creates the room");
            Wire.putMember(ownerUser, room, moderatorUser.id(), "moderator", 201);
            JsonObject role = owner.next(type("role"), "role after the owner's PUT of a moderator");
            assertEquals("server", role.getString("sender"), role.toString());
            assertEquals(moderatorUser.id(), data(role).getString("user_id"));
            moderator = join(room, moderatorUser);
            assertEquals("moderator", data(moderator.welcome).getString("role"));
            member = join(room, memberUser);
            assertEquals("member", data(member.welcome).getString("role"));
        }

        List<Peer> all() {
            return List.of(owner, moderator, member);
        }
    }

    // status

    @Test
    void statusMergesAndTheWholeStatusGoesToEveryClientTheSenderIncludedWithRef() {
        String room = Wire.room("status");
        Peer a = join(room, Wire.user("a"));
        Peer b = join(room, Wire.user("b"));
        a.send("{\"id\":\"s1\",\"type\":\"status\",\"sender\":\"server\",\"data\":{\"hand\":true}}");
        JsonObject own = a.reply("s1", "status");
        assertEquals(a.clientId, own.getString("sender"), "sender stamped with the sender's client id: " + own);
        assertEquals(a.clientId, data(own).getString("id"));
        assertEquals(Json.createObjectBuilder().add("hand", true).build(), data(own).getJsonObject("status"));
        JsonObject atB = b.next(type("status"), "status at b");
        assertEquals(a.clientId, atB.getString("sender"), "what a client writes in sender is overwritten: " + atB);
        assertEquals(a.clientId, data(atB).getString("id"));
        assertEquals(Json.createObjectBuilder().add("hand", true).build(), data(atB).getJsonObject("status"));
        assertAbsent(atB, "ref");

        a.send("{\"id\":\"s2\",\"type\":\"status\",\"data\":{\"audio\":false,\"video\":true}}");
        JsonObject whole = Json.createObjectBuilder().add("hand", true).add("audio", false).add("video", true).build();
        assertEquals(whole, data(a.reply("s2", "status")).getJsonObject("status"), "merged into the whole status");
        assertEquals(whole, data(b.next(type("status"), "second status at b")).getJsonObject("status"));

        a.send("{\"id\":\"s3\",\"type\":\"status\",\"data\":{\"hand\":false,\"screen\":true}}");
        JsonObject third = Json.createObjectBuilder().add("hand", false).add("audio", false).add("video", true)
                .add("screen", true).build();
        assertEquals(third, data(a.reply("s3", "status")).getJsonObject("status"));
        assertEquals(third, data(b.next(type("status"), "third status at b")).getJsonObject("status"));
    }

    @Test
    void statusIsEmptyInRoomInfoAndJoinedUntilSetAndThenShownThere() {
        String room = Wire.room("status-info");
        Peer a = join(room, Wire.user("a"));
        JsonObject self = clientEntry(a.roomInfo, a.clientId);
        assertNotNull(self, "a is in its own room-info: " + a.roomInfo);
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, self.getJsonObject("status"), "status {} until set: " + self);
        Peer b = join(room, Wire.user("b"));
        JsonObject joined = a.next(type("joined"), "joined of b");
        assertEquals(b.clientId, data(joined).getString("id"));
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, data(joined).getJsonObject("status"), "joined carries status {}: " + joined);
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, clientEntry(b.roomInfo, a.clientId).getJsonObject("status"));

        b.send("{\"id\":\"v1\",\"type\":\"status\",\"data\":{\"video\":true}}");
        b.reply("v1", "status");
        JsonObject expected = Json.createObjectBuilder().add("video", true).build();
        assertEquals(expected, clientEntry(roomInfo(b), b.clientId).getJsonObject("status"));
        a.next(type("status"), "status of b");
        assertEquals(expected, clientEntry(roomInfo(a), b.clientId).getJsonObject("status"));
        Peer c = join(room, Wire.user("c"));
        assertEquals(expected, clientEntry(c.roomInfo, b.clientId).getJsonObject("status"), "a newcomer's room-info: " + c.roomInfo);
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, clientEntry(c.roomInfo, a.clientId).getJsonObject("status"));
    }

    @Test
    void aStatusValueThatIsNotABooleanIsInvalidAndChangesNothing() {
        String room = Wire.room("status-bad");
        Peer a = join(room, Wire.user("a"));
        Peer b = join(room, Wire.user("b"));
        List<String> bad = List.of("{\"hand\":\"true\"}", "{\"audio\":1}", "{\"video\":{}}", "{\"screen\":[]}",
                "{\"hand\":true,\"audio\":\"off\"}");
        for (int i = 0; i < bad.size(); i++) {
            a.send(frame("bad" + i, "status", null, bad.get(i)));
            a.error("bad" + i, "invalid");
        }
        a.send("{\"id\":\"ok\",\"type\":\"status\",\"data\":{\"video\":true}}");
        JsonObject expected = Json.createObjectBuilder().add("video", true).build();
        assertEquals(expected, data(a.reply("ok", "status")).getJsonObject("status"), "the refused frames changed nothing");
        JsonObject atB = b.next(type("status"), "the valid status at b");
        assertEquals(expected, data(atB).getJsonObject("status"));
        settle(a, b);
        assertEquals(1, b.logged("status").size(), "b got only the valid status: " + b.logged("status"));
        assertEquals(1, a.logged("status").size(), "a got only the valid status: " + a.logged("status"));
    }

    @Test
    void unknownStatusKeysAreNeitherKeptNorDelivered() {
        String room = Wire.room("status-keys");
        Peer a = join(room, Wire.user("a"));
        Peer b = join(room, Wire.user("b"));
        a.send("{\"id\":\"k1\",\"type\":\"status\",\"data\":{\"hand\":true,\"mood\":\"sunny\",\"typing\":true}}");
        JsonObject expected = Json.createObjectBuilder().add("hand", true).build();
        assertEquals(expected, data(a.reply("k1", "status")).getJsonObject("status"), "other keys are ignored, not invalid");
        assertEquals(expected, data(b.next(type("status"), "status at b")).getJsonObject("status"));
        assertEquals(expected, clientEntry(roomInfo(a), a.clientId).getJsonObject("status"), "unknown keys are not kept");
        Peer c = join(room, Wire.user("c"));
        assertEquals(expected, clientEntry(c.roomInfo, a.clientId).getJsonObject("status"));
        settle(a);
        assertTrue(a.logged("error").isEmpty(), "unknown keys cost no error: " + a.logged("error"));
    }

    // lock and unlock

    @Test
    void anOwnerAndAModeratorLockAndUnlockAndEveryClientGetsRoomStateStampedWithTheSender() {
        Controlled r = new Controlled("lock");
        r.owner.send(frame("l1", "lock", null, null));
        JsonObject own = r.owner.reply("l1", "room-state");
        assertEquals(r.owner.clientId, own.getString("sender"));
        assertTrue(data(own).getBoolean("locked"));
        for (Peer p : List.of(r.moderator, r.member)) {
            JsonObject state = p.next(type("room-state"), "room-state after lock");
            assertEquals(r.owner.clientId, state.getString("sender"), "sender stamped: " + state);
            assertTrue(data(state).getBoolean("locked"));
            assertAbsent(state, "ref");
        }
        r.moderator.send(frame("u1", "unlock", null, null));
        JsonObject modOwn = r.moderator.reply("u1", "room-state");
        assertEquals(r.moderator.clientId, modOwn.getString("sender"));
        assertFalse(data(modOwn).getBoolean("locked"));
        for (Peer p : List.of(r.owner, r.member)) {
            JsonObject state = p.next(type("room-state"), "room-state after unlock");
            assertEquals(r.moderator.clientId, state.getString("sender"));
            assertFalse(data(state).getBoolean("locked"));
        }
        r.moderator.send(frame("l2", "lock", null, null));
        assertTrue(data(r.moderator.reply("l2", "room-state")).getBoolean("locked"), "a moderator locks too");
        for (Peer p : List.of(r.owner, r.member)) {
            assertTrue(data(p.next(type("room-state"), "room-state after the moderator's lock")).getBoolean("locked"));
        }
    }

    @Test
    void lockingALockedRoomIsAnnouncedAllTheSame() {
        Controlled r = new Controlled("relock");
        control(r.owner, "lock");
        r.owner.send(frame("l2", "lock", null, null));
        assertTrue(data(r.owner.reply("l2", "room-state")).getBoolean("locked"));
        r.member.next(type("room-state"), "first room-state");
        assertTrue(data(r.member.next(type("room-state"), "second room-state")).getBoolean("locked"));
    }

    @Test
    void aMemberMayNotLockOrUnlock() {
        Controlled r = new Controlled("lock-member");
        r.member.send(frame("l1", "lock", null, null));
        r.member.error("l1", "forbidden");
        assertFalse(roomJson(r.room, r.memberUser).getBoolean("locked"), "the room stays unlocked");
        join(r.room, Wire.user("newcomer"));
        control(r.owner, "lock");
        r.member.send(frame("u1", "unlock", null, null));
        r.member.error("u1", "forbidden");
        assertTrue(roomJson(r.room, r.memberUser).getBoolean("locked"), "the room stays locked");
        settle(r.member);
        assertEquals(1, r.member.logged("room-state").size(), "no room-state for a refused frame: " + r.member.log);
    }

    @Test
    void aLockedRoomRefusesNewcomersAndMembers403LockedAtTheHandshakeAndTheTicketsEndpoint() {
        Controlled r = new Controlled("locked");
        User formerMember = Wire.user("former");
        Peer former = join(r.room, formerMember);
        leave(former, r.owner);
        control(r.owner, "lock");

        User newcomer = Wire.user("newcomer");
        assertHandshakeRefused(r.room, newcomer, "locked");
        assertTicketRefused(r.room, newcomer, "locked");
        assertHandshakeRefused(r.room, formerMember, "locked");
        assertTicketRefused(r.room, formerMember, "locked");
        assertHandshakeRefused(r.room, r.memberUser, "locked");
        settle(r.member);
        assertFalse(r.member.isClosed(), "a member already in the room stays");
        control(r.owner, "unlock");
        assertEquals(201, ticket(r.room, newcomer).statusCode(), "unlocked, the newcomer gets a ticket");
        join(r.room, newcomer);
    }

    @Test
    void aLockedRoomStillAdmitsItsModeratorsOwnersAndAdministrators() {
        Controlled r = new Controlled("locked-staff");
        control(r.owner, "lock");
        assertEquals(201, ticket(r.room, r.moderatorUser).statusCode(), "a moderator's ticket");
        assertEquals(201, ticket(r.room, r.ownerUser).statusCode(), "an owner's ticket");
        Peer moderator2 = join(r.room, r.moderatorUser);
        assertEquals("moderator", data(moderator2.welcome).getString("role"));
        Peer owner2 = join(r.room, r.ownerUser);
        assertEquals("owner", data(owner2.welcome).getString("role"));
        User admin = Wire.admin("admin");
        Peer adminPeer = join(r.room, admin);
        assertEquals("owner", data(adminPeer.welcome).getString("role"));
        User moderatorLater = Wire.user("mod-later");
        Wire.putMember(r.ownerUser, r.room, moderatorLater.id(), "moderator", 201);
        String ticket = json(ticket(r.room, moderatorLater).body()).getString("ticket");
        Peer viaTicket = Peer.joinWithTicket(r.room, moderatorLater, ticket);
        peers.add(viaTicket);
        assertEquals("moderator", data(viaTicket.welcome).getString("role"));
    }

    @Test
    void lockedIsShownInRoomInfoAndTheRoomJson() {
        Controlled r = new Controlled("locked-shown");
        assertFalse(data(r.owner.roomInfo).getBoolean("locked"), "room-info: " + r.owner.roomInfo);
        assertFalse(roomJson(r.room, r.memberUser).getBoolean("locked"));
        control(r.moderator, "lock");
        assertTrue(data(roomInfo(r.member)).getBoolean("locked"));
        assertTrue(roomJson(r.room, r.memberUser).getBoolean("locked"));
        Peer owner2 = join(r.room, r.ownerUser);
        assertTrue(data(owner2.roomInfo).getBoolean("locked"), "a newcomer's room-info: " + owner2.roomInfo);
        control(r.moderator, "unlock");
        assertFalse(data(roomInfo(r.member)).getBoolean("locked"));
        assertFalse(roomJson(r.room, r.ownerUser).getBoolean("locked"));
    }

    // set-role and role

    @Test
    void onlyOwnersMaySetRoles() {
        Controlled r = new Controlled("setrole-who");
        User other = Wire.user("other");
        join(r.room, other);
        setRole(r.member, "r1", other.id(), "moderator");
        r.member.error("r1", "forbidden");
        setRole(r.moderator, "r2", other.id(), "moderator");
        r.moderator.error("r2", "forbidden");
        setRole(r.moderator, "r3", r.memberUser.id(), "moderator");
        r.moderator.error("r3", "forbidden");
        assertEquals("member", memberRole(r.room, r.ownerUser, other.id()));
        assertEquals("member", memberRole(r.room, r.ownerUser, r.memberUser.id()));
        settle(r.member);
        settle(r.moderator);
        assertTrue(setRoleAnswers(r.member).isEmpty() && setRoleAnswers(r.moderator).isEmpty(), "no role for refused frames");
    }

    @Test
    void setRoleDeliversRoleToEveryClientAndStoresTheRole() {
        Controlled r = new Controlled("setrole");
        setRole(r.owner, "r1", r.memberUser.id(), "moderator");
        JsonObject own = r.owner.reply("r1", "role");
        assertEquals(r.owner.clientId, own.getString("sender"));
        assertEquals(r.memberUser.id(), data(own).getString("user_id"));
        assertEquals("moderator", data(own).getString("role"));
        for (Peer p : List.of(r.moderator, r.member)) {
            JsonObject role = p.next(type("role"), "role at " + p);
            assertEquals(r.owner.clientId, role.getString("sender"), "sender stamped: " + role);
            assertEquals(r.memberUser.id(), data(role).getString("user_id"));
            assertEquals("moderator", data(role).getString("role"));
            assertAbsent(role, "ref");
        }
        assertEquals("moderator", memberRole(r.room, r.ownerUser, r.memberUser.id()), "stored");
        assertEquals("moderator", clientEntry(roomInfo(r.owner), r.member.clientId).getString("role"));

        setRole(r.owner, "r2", r.moderatorUser.id(), "member");
        assertEquals("member", data(r.owner.reply("r2", "role")).getString("role"));
        JsonObject atModerator = r.moderator.next(type("role"), "demotion at the moderator");
        assertEquals(r.moderatorUser.id(), data(atModerator).getString("user_id"));
        assertEquals("member", memberRole(r.room, r.ownerUser, r.moderatorUser.id()));
    }

    @Test
    void setRoleOfAMemberWhoIsNotConnectedStoresItAndTellsEveryone() {
        Controlled r = new Controlled("setrole-away");
        User away = Wire.user("away");
        Peer gone = join(r.room, away);
        leave(gone, r.member);
        setRole(r.owner, "r1", away.id(), "moderator");
        assertEquals("moderator", data(r.owner.reply("r1", "role")).getString("role"));
        assertEquals(away.id(), data(r.member.next(type("role"), "role at the member")).getString("user_id"));
        assertEquals("moderator", memberRole(r.room, r.ownerUser, away.id()));
        control(r.owner, "lock");
        assertEquals("moderator", data(join(r.room, away).welcome).getString("role"), "the stored role admits it to a locked room");
    }

    @Test
    void setRoleOfAUserWhoIsNotAMemberIsNoSuchClient() {
        Controlled r = new Controlled("setrole-none");
        User stranger = Wire.user("stranger");
        setRole(r.owner, "r1", stranger.id(), "moderator");
        r.owner.error("r1", "no-such-client");
        assertNull(memberRole(r.room, r.ownerUser, stranger.id()), "the stranger was not made a member");
        settle(r.owner);
        assertTrue(setRoleAnswers(r.owner).isEmpty(), "no role for a refused frame: " + r.owner.log);
    }

    @Test
    void theRoleOfAnOwnerTheSendersOwnIncludedCannotBeChangedBySetRole() {
        Controlled r = new Controlled("setrole-owner");
        User coOwner = Wire.user("co-owner");
        Wire.putMember(r.ownerUser, r.room, coOwner.id(), "owner", 201);
        Peer co = join(r.room, coOwner);
        assertEquals("owner", data(co.welcome).getString("role"));
        setRole(r.owner, "r1", r.ownerUser.id(), "member");
        r.owner.error("r1", "forbidden");
        setRole(r.owner, "r2", coOwner.id(), "moderator");
        r.owner.error("r2", "forbidden");
        setRole(co, "r3", r.ownerUser.id(), "member");
        co.error("r3", "forbidden");
        assertEquals("owner", memberRole(r.room, r.ownerUser, r.ownerUser.id()));
        assertEquals("owner", memberRole(r.room, r.ownerUser, coOwner.id()));
        settle(r.owner);
        settle(co);
        assertTrue(setRoleAnswers(r.owner).isEmpty() && setRoleAnswers(co).isEmpty(), "no role for refused frames");
    }

    @Test
    void setRoleToOwnerIsInvalid() {
        Controlled r = new Controlled("setrole-toowner");
        setRole(r.owner, "r1", r.memberUser.id(), "owner");
        r.owner.error("r1", "invalid");
        assertEquals("member", memberRole(r.room, r.ownerUser, r.memberUser.id()));
    }

    @Test
    void aNewRoleAppliesToEveryConnectionOfThatUser() {
        Controlled r = new Controlled("setrole-all");
        Peer member2 = join(r.room, r.memberUser);
        setRole(r.owner, "r1", r.memberUser.id(), "moderator");
        r.owner.reply("r1", "role");
        r.member.next(type("role"), "role at the first connection");
        member2.next(type("role"), "role at the second connection");
        member2.send(frame("l1", "lock", null, null));
        assertTrue(data(member2.reply("l1", "room-state")).getBoolean("locked"), "the second connection may lock");
        r.member.send(frame("u1", "unlock", null, null));
        assertFalse(data(r.member.reply("u1", "room-state")).getBoolean("locked"), "the first connection may unlock");
        r.member.send(frame("m1", "mute", r.moderator.clientId, null));
        assertEquals(r.member.clientId, r.moderator.next(type("mute"), "mute from the new moderator").getString("sender"));

        setRole(r.owner, "r2", r.memberUser.id(), "member");
        r.owner.reply("r2", "role");
        r.member.next(type("role"), "second role at the first connection");
        member2.next(type("role"), "second role at the second connection");
        member2.send(frame("l2", "lock", null, null));
        member2.error("l2", "forbidden");
        r.member.send(frame("l3", "lock", null, null));
        r.member.error("l3", "forbidden");
    }

    // mute

    @Test
    void aMemberMayNotMute() {
        Controlled r = new Controlled("mute-member");
        r.member.send(frame("m1", "mute", r.owner.clientId, "{\"kinds\":[\"audio\"]}"));
        r.member.error("m1", "forbidden");
        r.member.send(frame("m2", "mute", null, null));
        r.member.error("m2", "forbidden");
        settle(r.member, r.owner);
        settle(r.member, r.moderator);
        assertTrue(r.owner.logged("mute").isEmpty(), "a refused mute reached the owner: " + r.owner.log);
        assertTrue(r.moderator.logged("mute").isEmpty(), "a refused mute reached the moderator: " + r.moderator.log);
    }

    @Test
    void aMuteWithAReceiverGoesToThatClientOnly() {
        Controlled r = new Controlled("mute-one");
        Peer other = join(r.room, Wire.user("other"));
        r.moderator.send(frame("m1", "mute", r.member.clientId, "{\"kinds\":[\"video\",\"audio\"]}"));
        JsonObject mute = r.member.next(type("mute"), "mute at its receiver");
        assertEquals(r.moderator.clientId, mute.getString("sender"));
        assertEquals(r.member.clientId, mute.getString("receiver", null), "a relayed frame that had a receiver: " + mute);
        assertEquals(Json.createArrayBuilder().add("video").add("audio").build(), data(mute).getJsonArray("kinds"));
        assertEquals("m1", mute.getString("id", null), "the id is kept on relayed frames: " + mute);
        settle(r.moderator, r.owner);
        settle(r.moderator, other);
        settle(r.moderator);
        for (Peer p : List.of(r.owner, other, r.moderator)) {
            assertTrue(p.logged("mute").isEmpty(), p + " got a mute meant for another: " + p.log);
        }
        assertTrue(r.moderator.logged("error").isEmpty(), "the mute was accepted: " + r.moderator.log);
    }

    @Test
    void aMuteWithoutAReceiverGoesToEveryOtherClientButNotTheSender() {
        Controlled r = new Controlled("mute-all");
        Peer other = join(r.room, Wire.user("other"));
        r.owner.send(frame("m1", "mute", null, null));
        for (Peer p : List.of(r.moderator, r.member, other)) {
            JsonObject mute = p.next(type("mute"), "the owner's mute at " + p);
            assertEquals(r.owner.clientId, mute.getString("sender"));
            assertAbsent(mute, "receiver");
        }
        settle(r.owner);
        assertTrue(r.owner.logged("mute").isEmpty(), "the sender got its own mute: " + r.owner.log);
        r.moderator.send(frame("m2", "mute", null, "{\"kinds\":[\"video\"]}"));
        for (Peer p : List.of(r.owner, r.member, other)) {
            JsonObject mute = p.next(type("mute"), "the moderator's mute at " + p);
            assertEquals(r.moderator.clientId, mute.getString("sender"));
            assertEquals(Json.createArrayBuilder().add("video").build(), data(mute).getJsonArray("kinds"));
        }
        settle(r.moderator);
        assertEquals(1, r.moderator.logged("mute").size(), "the moderator got only the owner's mute: " + r.moderator.log);
    }

    @Test
    void aMuteWhoseKindsAreNotANonEmptyArrayOfAudioAndVideoIsInvalidAndNotRelayed() {
        Controlled r = new Controlled("mute-kinds");
        List<String> bad = List.of("{\"kinds\":[]}", "{\"kinds\":[\"screen\"]}", "{\"kinds\":\"audio\"}", "{\"kinds\":[1]}");
        for (int i = 0; i < bad.size(); i++) {
            r.moderator.send(frame("k" + i, "mute", r.member.clientId, bad.get(i)));
            r.moderator.error("k" + i, "invalid");
        }
        settle(r.moderator, r.member);
        assertTrue(r.member.logged("mute").isEmpty(), "a refused mute was relayed: " + r.member.log);
    }

    @Test
    void aMuteToAClientNotInTheRoomIsNoSuchClient() {
        Controlled r = new Controlled("mute-nobody");
        r.moderator.send(frame("m1", "mute", "no-such-client-id", null));
        r.moderator.error("m1", "no-such-client");
    }

    // the HTTP API

    @Test
    void maxClientsIsValidatedFrom1To10000AndNullRemovesTheLimit() {
        User admin = Wire.admin("admin");
        for (String bad : List.of("0", "10001", "-1", "2.5", "\"5\"", "true", "{}")) {
            String id = Wire.room("max-bad");
            assertEquals(400, postRoom(admin, roomBody(id, ",\"max_clients\":" + bad)).statusCode(), "POST max_clients " + bad);
            assertEquals(404, get("/api/rooms/" + id, admin.token()).statusCode(), "a refused POST made no room");
        }
        String one = Wire.room("max-one");
        HttpResponse<String> created = postRoom(admin, roomBody(one, ",\"max_clients\":1"));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(1, json(created.body()).getInt("max_clients"));
        assertFalse(json(created.body()).getBoolean("locked"), "locked defaults to false: " + created.body());
        String many = Wire.room("max-many");
        created = postRoom(admin, roomBody(many, ",\"max_clients\":10000"));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(10000, json(created.body()).getInt("max_clients"));
        String none = Wire.room("max-none");
        created = postRoom(admin, roomBody(none, ",\"max_clients\":null"));
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(json(created.body()).isNull("max_clients"), "no limit is null: " + created.body());

        for (String bad : List.of("0", "10001", "2.5", "\"x\"")) {
            assertEquals(400, patch(one, admin, "{\"max_clients\":" + bad + "}").statusCode(), "PATCH max_clients " + bad);
        }
        assertEquals(1, roomJson(one, admin).getInt("max_clients"), "refused PATCHes changed nothing");
        HttpResponse<String> patched = patch(one, admin, "{\"max_clients\":7}");
        assertEquals(200, patched.statusCode(), patched.body());
        assertEquals(7, json(patched.body()).getInt("max_clients"));
        patched = patch(one, admin, "{\"max_clients\":null}");
        assertEquals(200, patched.statusCode(), patched.body());
        assertTrue(json(patched.body()).isNull("max_clients"), patched.body());
        assertTrue(roomJson(one, admin).isNull("max_clients"));
    }

    @Test
    void aRoomCreatedLockedRefusesMembersButAdmitsItsOwner() {
        User admin = Wire.admin("admin");
        String room = Wire.room("born-locked");
        HttpResponse<String> created = postRoom(admin, roomBody(room, ",\"locked\":true"));
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(json(created.body()).getBoolean("locked"), created.body());
        User user = Wire.user("user");
        assertHandshakeRefused(room, user, "locked");
        assertTicketRefused(room, user, "locked");
        Peer owner = join(room, admin);
        assertTrue(data(owner.roomInfo).getBoolean("locked"));
    }

    @Test
    void aFullRoomRefuses403RoomFullAtTheHandshakeAndTheTicketsEndpointModeratorsIncluded() {
        User admin = Wire.admin("admin");
        String room = Wire.room("full");
        HttpResponse<String> created = postRoom(admin, roomBody(room, ",\"max_clients\":2"));
        assertEquals(201, created.statusCode(), created.body());
        User moderator = Wire.user("mod");
        Wire.putMember(admin, room, moderator.id(), "moderator", 201);
        User a = Wire.user("a");
        Peer first = join(room, a);
        Peer second = join(room, Wire.user("b"));
        User third = Wire.user("c");
        assertHandshakeRefused(room, third, "room-full");
        assertTicketRefused(room, third, "room-full");
        assertHandshakeRefused(room, moderator, "room-full");
        assertTicketRefused(room, moderator, "room-full");
        assertHandshakeRefused(room, a, "room-full");
        assertEquals(2, roomJson(room, admin).getInt("online"));

        leave(second, first);
        assertEquals(201, ticket(room, third).statusCode(), "a place is free again");
        join(room, third);
        assertHandshakeRefused(room, moderator, "room-full");
        HttpResponse<String> patched = patch(room, admin, "{\"max_clients\":null}");
        assertEquals(200, patched.statusCode(), patched.body());
        join(room, moderator);
    }

    @Test
    void aPatchThatChangesLockedDeliversRoomStateStampedServer() {
        Controlled r = new Controlled("patch-lock");
        HttpResponse<String> patched = patch(r.room, r.ownerUser, "{\"locked\":true}");
        assertEquals(200, patched.statusCode(), patched.body());
        assertTrue(json(patched.body()).getBoolean("locked"));
        for (Peer p : r.all()) {
            JsonObject state = p.next(type("room-state"), "room-state after PATCH at " + p);
            assertEquals("server", state.getString("sender"), "caused through the HTTP API: " + state);
            assertTrue(data(state).getBoolean("locked"));
            assertAbsent(state, "ref");
        }
        assertHandshakeRefused(r.room, Wire.user("newcomer"), "locked");
        assertTrue(data(roomInfo(r.member)).getBoolean("locked"));
        User admin = Wire.admin("admin");
        patched = patch(r.room, admin, "{\"locked\":false}");
        assertEquals(200, patched.statusCode(), patched.body());
        for (Peer p : r.all()) {
            JsonObject state = p.next(type("room-state"), "room-state after the second PATCH at " + p);
            assertEquals("server", state.getString("sender"));
            assertFalse(data(state).getBoolean("locked"));
        }
        join(r.room, Wire.user("newcomer"));
    }

    @Test
    void aPutOfAMembersRoleDeliversRoleStampedServerAndAppliesAtOnce() {
        Controlled r = new Controlled("put-role");
        Peer member2 = join(r.room, r.memberUser);
        Wire.putMember(r.ownerUser, r.room, r.memberUser.id(), "moderator", 200);
        for (Peer p : List.of(r.owner, r.moderator, r.member, member2)) {
            JsonObject role = p.next(type("role"), "role after PUT at " + p);
            assertEquals("server", role.getString("sender"), "caused through the HTTP API: " + role);
            assertEquals(r.memberUser.id(), data(role).getString("user_id"));
            assertEquals("moderator", data(role).getString("role"));
        }
        assertEquals("moderator", memberRole(r.room, r.ownerUser, r.memberUser.id()));
        member2.send(frame("l1", "lock", null, null));
        assertTrue(data(member2.reply("l1", "room-state")).getBoolean("locked"), "the new role applies to every connection");
        control(r.member, "unlock");
        Wire.putMember(Wire.admin("admin"), r.room, r.moderatorUser.id(), "member", 200);
        JsonObject demoted = r.member.next(type("role"), "role after the admin's PUT");
        assertEquals("server", demoted.getString("sender"));
        assertEquals(r.moderatorUser.id(), data(demoted).getString("user_id"));
        assertEquals("member", data(demoted).getString("role"));
        r.moderator.next(type("role"), "demotion at the demoted");
        r.moderator.send(frame("l2", "lock", null, null));
        r.moderator.error("l2", "forbidden");
    }
}
