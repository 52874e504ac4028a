package com.rooms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class SlowConsumerIT {

    @Test
    void clientThatStopsReadingIsCutWith1013WhileChatKeepsFlowing() throws Exception {
        String room = TestServer.room("slow");
        try (RoomClient sender = RoomClient.join(room, TestServer.user("sender"));
             RoomClient reader = RoomClient.join(room, TestServer.user("reader"));
             RoomClient watcher = RoomClient.join(room, TestServer.user("watcher"));
             RoomClient slow = RoomClient.join(room, TestServer.user("slow"))) {
            slow.pause();
            String bulk = "b".repeat(60_000);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            int sent = 0;
            while (watcher.frames.stream().noneMatch(f -> f.getString("type").equals("left"))
                    && System.nanoTime() < deadline) {
                sender.send("{\"type\":\"greeting\",\"receiver\":\"" + slow.clientId + "\",\"data\":\"" + bulk + "\"}");
                sent++;
                if (sent % 15 == 0) {
                    String said = reader.say("still here " + sent).getString("text");
                    assertEquals("still here " + sent, said);
                    Thread.sleep(800);
                }
            }
            JsonObject left = watcher.next("left").getJsonObject("data");
            assertEquals(slow.clientId, left.getString("id"));
            assertEquals("too-slow", left.getString("reason"));
            assertTrue(sent > 0);
            reader.say("after the cut");
            assertEquals("after the cut", sender.next(f -> f.getString("type").equals("text")
                    && f.getJsonObject("data").getString("text").equals("after the cut"), "chat after the cut")
                    .getJsonObject("data").getString("text"));
            slow.resume();
            int code = slow.awaitClose();
            assertTrue(code == 1013 || code == 1006, "closed for being slow, got " + code);
        }
    }
}
