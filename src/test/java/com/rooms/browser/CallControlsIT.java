package com.rooms.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.junit.jupiter.api.Test;

/** What people do during a call, and what the page does when the network or the server misbehaves. */
class CallControlsIT {

    @Test
    void muteAndCameraOffAreSeenByTheOtherSide() throws Exception {
        String room = room();
        try (Browser alice = new Browser().join(room, "Alice"); Browser bob = new Browser().join(room, "Bob")) {
            bob.remoteVideosPlaying(1);
            alice.find("mic").click();
            alice.find("camera").click();
            bob.waitFor(d -> d.findElements(By.cssSelector("#roster li")).stream()
                    .anyMatch(li -> li.getText().contains("Alice") && li.getText().contains("muted")
                            && li.getText().contains("off")) ? true : null);
            bob.waitFor(d -> d.findElements(By.cssSelector("#grid .tile.camera-off")).size() == 1 ? true : null);
            alice.find("mic").click();
            bob.waitFor(d -> d.findElements(By.cssSelector("#roster li")).stream()
                    .anyMatch(li -> li.getText().contains("Alice") && !li.getText().contains("muted")) ? true : null);
        }
    }

    @Test
    void screenSharingReplacesTheVideoTrackAndFramesKeepComing() throws Exception {
        String room = room();
        try (Browser alice = new Browser().join(room, "Alice"); Browser bob = new Browser().join(room, "Bob")) {
            bob.remoteVideosPlaying(1);
            String camera = (String) alice.script(SENT_VIDEO_LABEL);
            alice.find("screen").click();
            alice.waitFor(d -> "true".equals(d.findElement(By.id("screen")).getAttribute("aria-pressed")) ? true : null);
            String shared = (String) alice.script(SENT_VIDEO_LABEL);
            assertNotEquals(camera, shared, "the screen is sent instead of the camera");
            bob.framesAdvance();
        }
    }

    @Test
    void theUnreadBadgeCountsWhileTheChatIsClosedAndIsHiddenWhenNothingIsUnread() throws Exception {
        String room = room();
        try (Browser alice = new Browser().join(room, "Alice"); Browser bob = new Browser().join(room, "Bob")) {
            bob.find("chat-text").sendKeys("read at once", Keys.ENTER);
            alice.waitFor(d -> d.findElement(By.id("messages")).getText().contains("read at once") ? true : null);
            assertFalse(alice.find("unread").isDisplayed(),
                    "a badge with nothing unread: \"" + alice.find("unread").getAttribute("textContent") + "\"");

            alice.find("chat-toggle").click();
            bob.find("chat-text").sendKeys("said while the chat was closed", Keys.ENTER);
            alice.waitFor(d -> d.findElement(By.id("unread")).isDisplayed()
                    && "1".equals(d.findElement(By.id("unread")).getText()) ? true : null);

            alice.find("chat-toggle").click();
            alice.waitFor(d -> !d.findElement(By.id("unread")).isDisplayed() ? true : null);
            assertTrue(alice.find("messages").getText().contains("said while the chat was closed"));
        }
    }

    @Test
    void offersMadeAtTheSameMomentByBothSidesStillConnect() throws Exception {
        String room = room();
        try (Browser alice = new Browser().join(room, "Alice"); Browser bob = new Browser().join(room, "Bob")) {
            alice.remoteVideosPlaying(1);
            bob.remoteVideosPlaying(1);
            String offerNow = "[...window.rooms.manager.peers.values()].forEach(p => p.pc.restartIce());";
            for (int round = 0; round < 3; round++) {
                CompletableFuture<Object> a = CompletableFuture.supplyAsync(() -> alice.script(offerNow));
                CompletableFuture<Object> b = CompletableFuture.supplyAsync(() -> bob.script(offerNow));
                CompletableFuture.allOf(a, b).join();
            }
            for (Browser person : List.of(alice, bob)) {
                person.waitFor(d -> "stable".equals(person.script(
                        "return [...window.rooms.manager.peers.values()][0].pc.signalingState")) ? true : null);
                person.framesAdvance();
            }
        }
    }

    @Test
    void thePageReconnectsByItselfWhenTheServerGoesAwayAndKeepsTheChat() throws Exception {
        String room = room();
        String admin = token("operator", "[\"admin\"]");
        try (Browser alice = new Browser().join(room, "Alice"); Browser bob = new Browser().join(room, "Bob")) {
            alice.find("chat-text").sendKeys("said before the restart", Keys.ENTER);
            bob.waitFor(d -> d.findElement(By.id("messages")).getText().contains("said before the restart") ? true : null);

            assertEquals(204, drain("POST", admin));
            try {
                bob.waitFor(d -> d.findElement(By.id("status")).getText().startsWith("Reconnecting") ? true : null);
            } finally {
                assertEquals(204, drain("DELETE", admin));
            }
            for (Browser person : List.of(alice, bob)) {
                person.waitFor(d -> "Connected".equals(d.findElement(By.id("status")).getText()) ? true : null);
                person.waitFor(d -> d.findElement(By.id("messages")).getText().contains("said before the restart")
                        ? true : null);
                person.remoteVideosPlaying(1);
            }
            bob.find("chat-text").sendKeys("and after", Keys.ENTER);
            alice.waitFor(d -> d.findElement(By.id("messages")).getText().contains("and after") ? true : null);
        }
    }

    private static final String SENT_VIDEO_LABEL = "return [...window.rooms.manager.peers.values()][0].pc.getSenders()"
            + ".map(s => s.track).filter(t => t && t.kind === 'video').map(t => t.label)[0] || ''";

    private static int drain(String method, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Browser.BASE + "/api/admin/drain"))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String token(String user, String groups) throws Exception {
        String body = "{\"user\":\"" + user + "-" + UUID.randomUUID().toString().substring(0, 6) + "\",\"groups\":" + groups + "}";
        String answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Browser.BASE + "/api/dev/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return answer.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    private static String room() {
        return "ctl-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
