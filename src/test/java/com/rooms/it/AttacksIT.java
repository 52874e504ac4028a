package com.rooms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** What a signed-in but hostile user tries once inside (the dev test server), each refused or made harmless. */
class AttacksIT {
    private final String admin = TestServer.adminToken();

    @Test
    void aClientInOneRoomNeverReachesAnotherRoomEvenWithItsClientIds() throws InterruptedException {
        try (RoomClient inA = RoomClient.join(TestServer.room("a"), TestServer.user("amy"));
             RoomClient inB = RoomClient.join(TestServer.room("b"), TestServer.user("ben"))) {
            inA.send("{\"id\":\"x1\",\"type\":\"offer\",\"receiver\":\"" + inB.clientId + "\",\"data\":\"v=0\"}");
            assertEquals("x1", inA.error("no-such-client").getString("ref"));
            inA.send("{\"id\":\"x2\",\"type\":\"text\",\"receiver\":\"" + inB.clientId + "\",\"data\":{\"text\":\"psst\"}}");
            assertEquals("x2", inA.error("no-such-client").getString("ref"));
            inA.send("{\"id\":\"x3\",\"type\":\"kick\",\"data\":{\"id\":\"" + inB.clientId + "\"}}");
            inA.next(f -> "error".equals(f.getString("type")) && "x3".equals(f.getString("ref", null)), "kick refused");
            inA.say("only for room a");
            assertTrue(inB.untilPong().stream().noneMatch(f -> List.of("offer", "text", "bye")
                    .contains(f.getString("type"))), "room b heard nothing from room a");
            assertFalse(inB.closeCode.isDone(), "and nobody in b was kicked");
        }
    }

    @Test
    void markupInChatIsStoredAndReturnedVerbatim() {
        String room = TestServer.room("markup");
        String markup = "<img src=x onerror=alert(1)><script>alert('x')</script> & \\\"quotes\\\"";
        String expected = "<img src=x onerror=alert(1)><script>alert('x')</script> & \"quotes\"";
        try (RoomClient alice = RoomClient.join(room, TestServer.user("alice"));
             RoomClient bob = RoomClient.join(room, TestServer.user("bob"))) {
            assertEquals(expected, alice.say(markup).getString("text"));
            assertEquals(expected, bob.next("text").getJsonObject("data").getString("text"));
        }
        JsonObject stored = TestServer.json(TestServer.call("GET", "/api/rooms/" + room + "/messages", null, admin).body())
                .getJsonArray("messages").getJsonObject(0);
        assertEquals(expected, stored.getString("text"));
    }

    @Test
    void searchWithSqlMetacharactersFindsExactlyTheMatchingText() {
        String room = TestServer.room("sql");
        try (RoomClient alice = RoomClient.join(room, TestServer.user("alice"))) {
            alice.say("Robert'); DROP TABLE chat_message;--");
            alice.say("100% sure");
            alice.say("1000 sure");
            alice.say("a_b");
            alice.say("axb");
        }
        assertEquals(List.of("Robert'); DROP TABLE chat_message;--"), search(room, "'); DROP TABLE"));
        assertEquals(List.of("100% sure"), search(room, "100%"));
        assertEquals(List.of("a_b"), search(room, "a_b"));
        assertEquals(5, TestServer.json(TestServer.call("GET", "/api/rooms/" + room + "/messages", null, admin).body())
                .getJsonArray("messages").size(), "the table is still there");
    }

    @Test
    void tokensAndTicketsNeverReachTheServerLogs() throws Exception {
        String room = TestServer.room("logs");
        String token = TestServer.token(TestServer.user("secret-keeper"));
        String ticket = TestServer.json(TestServer.call("POST", "/api/rooms/" + room + "/tickets", null, token).body())
                .getString("ticket");
        RawHttp.handshake("/ws/rooms/" + room + "?ticket=" + ticket, RawHttp.upgrade());
        RawHttp.handshake("/ws/rooms/" + room + "?ticket=" + ticket, RawHttp.upgrade());
        RawHttp.handshake("/ws/rooms/BAD?ticket=" + ticket, RawHttp.upgrade("Authorization: Bearer " + token));
        RawHttp.handshake("/ws/rooms/" + room, RawHttp.upgrade("Authorization: Bearer " + token + "tampered"));
        TestServer.call("GET", "/api/rooms/" + room + "/messages?limit=0", null, token);
        TestServer.call("POST", "/api/rooms", "{\"id\":\"" + room + "\"}", token + "x");
        try (RoomClient client = RoomClient.join(room, TestServer.user("refresher"))) {
            client.send("{\"type\":\"refresh\",\"data\":{\"token\":\"" + token + "\"}}");
            client.error("unauthorized");
        }
        awaitLogsCaughtUp();

        String signature = token.substring(token.lastIndexOf('.') + 1);
        for (Path log : logs()) {
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            assertFalse(text.contains(signature), "a token is in " + log);
            assertFalse(text.contains(ticket), "a ticket is in " + log);
        }
    }

    private List<String> search(String room, String q) {
        return TestServer.json(TestServer.call("GET", "/api/rooms/" + room + "/messages?q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8), null, admin).body()).getJsonArray("messages").stream()
                .map(m -> m.asJsonObject().getString("text")).collect(Collectors.toList());
    }

    /**
     * Asks for a page that does not exist and waits until Liberty has logged
     * that (SRVE0190E, "File not found"; it writes an FFDC for it too): the
     * lines of every request answered before it are in the logs by then.
     */
    private static void awaitLogsCaughtUp() throws IOException, InterruptedException {
        String marker = "/logs-caught-up-" + UUID.randomUUID();
        assertEquals(404, TestServer.call("GET", marker, null, null).statusCode());
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            for (Path log : logs()) {
                if (Files.readString(log, StandardCharsets.ISO_8859_1).contains("File not found: " + marker)) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        fail("the server did not log the request for " + marker + " within 15 s");
    }

    private static List<Path> logs() {
        Path folder = Path.of(System.getProperty("rooms.it.wlp", "target/liberty/wlp"), "usr/servers",
                System.getProperty("rooms.it.server", "rooms-it"), "logs");
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> found = files.filter(Files::isRegularFile).collect(Collectors.toList());
            assertFalse(found.isEmpty(), "the server writes logs to " + folder);
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
