package com.rooms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Durable before visible (PROTOCOL.md 5), proven the hard way on a server of
 * its own in the production configuration: the JVM is killed (SIGKILL) while
 * clients chat, and after the restart every message anybody was shown is in
 * the history, in the order it was shown. On the embedded database and on
 * PostgreSQL; and on PostgreSQL with the database cut off mid-conversation.
 */
class DurabilityIT {
    private static ProductionServer production;
    private static PortalTokens portal;

    @BeforeAll
    static void server() throws Exception {
        production = ProductionServer.get();
        portal = production.portal;
    }

    @Test
    void everyMessageAnyoneSawSurvivesAKillOnTheEmbeddedDatabase() throws Exception {
        everyMessageAnyoneSawSurvivesAKill(ProductionServer.Database.EMBEDDED);
    }

    @Test
    void everyMessageAnyoneSawSurvivesAKillOnPostgres() throws Exception {
        everyMessageAnyoneSawSurvivesAKill(ProductionServer.Database.POSTGRES);
    }

    @Test
    void productionHasNoDemoSignInAndUnknownRoomsAre404() throws Exception {
        production.on(ProductionServer.Database.POSTGRES);
        assertEquals(404, TestServer.callAt(production.base(), "POST", "/api/dev/token", "{\"user\":\"x\"}", null).statusCode());
        RawHttp.Answer unknown = RawHttp.handshakeAt(production.base(), "/ws/rooms/" + TestServer.room("nowhere"),
                RawHttp.upgrade("Authorization: Bearer " + portal.token(TestServer.user("walker"), false)));
        assertEquals(404, unknown.status());
        assertEquals("not-found", TestServer.json(unknown.body()).getString("error"));
    }

    @Test
    void whileTheDatabaseIsUnreachableTextIsRefusedAndSignalingStillRelays() throws Exception {
        production.on(ProductionServer.Database.POSTGRES);
        String room = createRoom();
        try (RoomClient alice = join(room, "alice"); RoomClient bob = join(room, "bob")) {
            alice.say("before the outage");
            production.link.cut();
            try {
                alice.send("{\"id\":\"lost\",\"type\":\"text\",\"data\":{\"text\":\"during the outage\"}}");
                JsonObject error = alice.error("unavailable");
                assertEquals("lost", error.getString("ref"));
                alice.send("{\"type\":\"offer\",\"receiver\":\"" + bob.clientId + "\",\"data\":{\"type\":\"offer\",\"sdp\":\"v=0\"}}");
                assertEquals("v=0", bob.next("offer").getJsonObject("data").getString("sdp"), "signaling relays");
                assertTrue(bob.untilPong().stream()
                        .noneMatch(f -> "text".equals(f.getString("type"))), "the refused text reached nobody");
            } finally {
                production.link.restore();
            }
            sayUntilStored(alice, "after the outage");
        }
        List<String> stored = history(room).values().stream().toList();
        assertEquals(List.of("before the outage", "after the outage"), stored, "nothing of the refused text remains");
    }

    private void everyMessageAnyoneSawSurvivesAKill(ProductionServer.Database database) throws Exception {
        production.on(database);
        String room = createRoom();
        List<RoomClient> clients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            clients.add(join(room, "talker" + i));
        }
        RoomClient listener = join(room, "listener");
        ExecutorService talkers = Executors.newFixedThreadPool(clients.size());
        AtomicBoolean talking = new AtomicBoolean(true);
        for (RoomClient client : clients) {
            talkers.execute(() -> {
                for (int n = 0; talking.get(); n++) {
                    try {
                        client.send("{\"id\":\"" + n + "\",\"type\":\"text\",\"data\":{\"text\":\"" + client.user + " " + n + "\"}}");
                        Thread.sleep(210);
                    } catch (Exception socketGone) {
                        return;
                    }
                }
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (texts(listener).size() < 40 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        production.kill();
        talking.set(false);
        talkers.shutdownNow();
        assertTrue(talkers.awaitTermination(10, TimeUnit.SECONDS));

        Map<Long, String> seen = new LinkedHashMap<>();
        List<Long> listenerOrder = new ArrayList<>();
        for (JsonObject text : texts(listener)) {
            listenerOrder.add(text.getJsonObject("data").getJsonNumber("message_id").longValue());
        }
        for (RoomClient client : clients) {
            for (JsonObject text : texts(client)) {
                JsonObject data = text.getJsonObject("data");
                seen.put(data.getJsonNumber("message_id").longValue(), data.getString("text"));
            }
        }
        for (JsonObject text : texts(listener)) {
            JsonObject data = text.getJsonObject("data");
            seen.put(data.getJsonNumber("message_id").longValue(), data.getString("text"));
        }
        clients.forEach(RoomClient::close);
        listener.close();
        assertTrue(listenerOrder.size() >= 40, "the listener saw chat before the kill: " + listenerOrder.size());

        production.restart();
        Map<Long, String> stored = history(room);
        for (Map.Entry<Long, String> shown : seen.entrySet()) {
            assertEquals(shown.getValue(), stored.get(shown.getKey()),
                    "message " + shown.getKey() + " was shown before the kill, so it is stored");
        }
        List<Long> storedOrder = new ArrayList<>(stored.keySet());
        assertEquals(listenerOrder, storedOrder.stream().filter(listenerOrder::contains).toList(),
                "the history has the order the room was shown");

        try (RoomClient after = join(room, "after")) {
            long newestSeen = listenerOrder.get(listenerOrder.size() - 1);
            List<JsonValue> messages = after.joinHistory.getJsonObject("data").getJsonArray("messages");
            long newestReplayed = messages.get(messages.size() - 1).asJsonObject().getJsonNumber("message_id").longValue();
            assertTrue(newestReplayed >= newestSeen, "a client joining after the restart is shown the chat up to the kill");
        }
    }

    /** Sends until the text is stored: the pool's connections may still be the ones the cut broke. */
    private static void sayUntilStored(RoomClient client, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String id = "s" + System.nanoTime();
            client.send("{\"id\":\"" + id + "\",\"type\":\"text\",\"data\":{\"text\":\"" + text + "\"}}");
            JsonObject answer = client.next(f -> id.equals(f.getString("ref", null)), "an answer to " + id);
            if ("text".equals(answer.getString("type"))) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the text was never stored after the database came back");
    }

    private static String createRoom() {
        String id = TestServer.room("durable");
        HttpResponse<String> created = TestServer.callAt(production.base(), "POST", "/api/rooms", "{\"id\":\"" + id + "\"}",
                portal.token(TestServer.user("admin"), true));
        assertEquals(201, created.statusCode(), created.body());
        return id;
    }

    private static RoomClient join(String room, String prefix) {
        String user = TestServer.user(prefix);
        return RoomClient.joinAt(production.base(), room, user, portal.token(user, false));
    }

    private static List<JsonObject> texts(RoomClient client) {
        return client.frames.stream().filter(f -> "text".equals(f.getString("type"))).toList();
    }

    /** The room's whole history by id, oldest first, read through the API as an administrator. */
    private static Map<Long, String> history(String room) {
        String admin = portal.token(TestServer.user("admin"), true);
        List<JsonObject> newestFirst = new ArrayList<>();
        String path = "/api/rooms/" + room + "/messages?limit=500";
        while (path != null) {
            HttpResponse<String> page = TestServer.callAt(production.base(), "GET", path, null, admin);
            assertEquals(200, page.statusCode(), page.body());
            JsonObject body = TestServer.json(page.body());
            body.getJsonArray("messages").forEach(m -> newestFirst.add(m.asJsonObject()));
            path = body.isNull("next") ? null : body.getString("next");
        }
        Map<Long, String> byId = new LinkedHashMap<>();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            byId.put(newestFirst.get(i).getJsonNumber("message_id").longValue(), newestFirst.get(i).getString("text"));
        }
        assertFalse(byId.isEmpty());
        return byId;
    }
}
