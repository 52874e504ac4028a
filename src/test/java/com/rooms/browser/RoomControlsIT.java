package com.rooms.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Raised hands, media status, a moderator's controls, the lock and the quality signs, in real Chromium. */
class RoomControlsIT {
    private static final String OWN_AUDIO_ENABLED =
            "return window.rooms.manager.localStream.getAudioTracks().map(t => t.enabled).join()";

    @Test
    void aRaisedHandIsSeenByTheOthersInAThreePersonCall() throws Exception {
        String room = room();
        try (Browser ana = new Browser().join(room, "Ana"); Browser ben = new Browser().join(room, "Ben");
             Browser cat = new Browser().join(room, "Cat")) {
            for (Browser person : List.of(ana, ben, cat)) {
                person.remoteVideosPlaying(2);
            }
            assertTrue(ana.rosterSays("Cat", "data-hand", "false"), "no hand is up before Cat raises it");
            cat.find("hand").click();
            for (Browser other : List.of(ana, ben)) {
                other.waitFor(d -> other.rosterSays("Cat", "data-hand", "true") ? true : null);
                other.waitFor(d -> d.findElements(By.cssSelector("#grid .tile.hand")).size() == 1 ? true : null);
            }
            assertEquals("true", cat.find("hand").getAttribute("aria-pressed"));
            assertTrue(ana.rosterSays("Ben", "data-hand", "false"), "only Cat's hand is up");
            ana.screenshot(Path.of("target", "browser", "three-person-call-raised-hand.png"));

            cat.find("hand").click();
            ana.waitFor(d -> ana.rosterSays("Cat", "data-hand", "false") ? true : null);
        }
    }

    @Test
    void aModeratorMutesAMemberWhoseMicrophoneGoesOffAndWhoseStatusSaysSo() throws Exception {
        String room = room();
        try (Browser owner = new Browser().join(room, "Owner"); Browser member = new Browser().join(room, "Member")) {
            owner.remoteVideosPlaying(1);
            assertEquals("true", member.script(OWN_AUDIO_ENABLED), "the member's microphone is on to begin with");
            owner.waitFor(d -> owner.rosterSays("Member", "data-audio", "true") ? true : null);

            owner.moderate("Member", "mute");
            member.waitFor(d -> d.findElement(By.id("banner")).getText().contains("A moderator muted your microphone")
                    ? true : null);
            assertEquals("false", member.script(OWN_AUDIO_ENABLED), "the member's audio track is disabled");
            assertEquals("false", member.find("mic").getAttribute("aria-pressed"));
            owner.waitFor(d -> owner.rosterSays("Member", "data-audio", "false") ? true : null);
            assertEquals(false, owner.script("return [...window.rooms.manager.clients.values()]"
                    + ".find(c => c.username === 'Member').status.audio"), "the status the server delivered says muted");
        }
    }

    @Test
    void aThirdPersonIsRefusedByTheLockAndToldWhyAndGetsInOnceItIsOpen() throws Exception {
        String room = room();
        try (Browser owner = new Browser().join(room, "Owner"); Browser member = new Browser().join(room, "Member")) {
            owner.waitFor(d -> d.findElement(By.id("lock")).isDisplayed() ? true : null);
            assertTrue(!member.find("lock").isDisplayed(), "a member has no lock switch");
            owner.find("lock").click();
            member.waitFor(d -> d.findElement(By.id("locked")).isDisplayed() ? true : null);
            owner.waitFor(d -> "true".equals(d.findElement(By.id("lock")).getAttribute("aria-pressed")) ? true : null);

            try (Browser late = new Browser().tryToJoin(room, "Late")) {
                late.waitFor(d -> d.findElement(By.id("banner")).getText().contains("This room is locked") ? true : null);
                assertEquals("Closed", late.find("status").getText());
                assertEquals(2L, owner.script("return document.querySelectorAll('#roster li').length"));

                owner.find("lock").click();
                member.waitFor(d -> !d.findElement(By.id("locked")).isDisplayed() ? true : null);
                late.join(room, "Late");
                owner.waitFor(d -> owner.rosterSays("Late", "data-hand", "false") ? true : null);
            }
        }
    }

    @Test
    void anOwnerMakesAMemberAModeratorWhoThenGetsTheControls() throws Exception {
        String room = room();
        try (Browser owner = new Browser().join(room, "Owner"); Browser member = new Browser().join(room, "Member")) {
            owner.waitFor(d -> d.findElements(By.cssSelector("#roster .menu")).size() == 1 ? true : null);
            assertTrue(member.find("roster").findElements(By.cssSelector(".menu")).isEmpty(), "a member has no menus");
            owner.moderate("Member", "set-role");
            member.waitFor(d -> d.findElement(By.id("lock")).isDisplayed() ? true : null);
            member.waitFor(d -> d.findElements(By.cssSelector("#roster .menu")).size() == 1 ? true : null);
            owner.waitFor(d -> d.findElements(By.cssSelector("#roster li")).stream()
                    .anyMatch(li -> li.getText().contains("Member") && li.getText().contains("moderator")) ? true : null);
        }
    }

    @Test
    void eachPersonOnALiveCallShowsTheOthersConnectionQuality() throws Exception {
        String room = room();
        try (Browser alice = new Browser().join(room, "Alice"); Browser bob = new Browser().join(room, "Bob")) {
            for (Browser person : List.of(alice, bob)) {
                person.remoteVideosPlaying(1);
                person.waitFor(d -> d.findElements(By.cssSelector("#grid .tile .quality")).stream()
                        .anyMatch(q -> List.of("good", "fair", "poor").contains(q.getAttribute("data-quality"))
                                && q.getAttribute("title").contains("kb/s")) ? true : null);
                person.waitFor(d -> d.findElements(By.cssSelector("#roster .quality[data-quality]")).size() == 1
                        ? true : null);
                @SuppressWarnings("unchecked")
                Map<String, Object> quality = (Map<String, Object>) person.script(
                        "return [...window.rooms.manager.quality.values()][0]");
                assertTrue(((Number) quality.get("bitrate")).doubleValue() > 0, "media is flowing: " + quality);
                assertTrue(quality.get("rtt") instanceof Number, "the round-trip time is measured: " + quality);
            }
        }
    }

    @Test
    void beyondTheVideoLimitEachPageShowsFewerVideosAndTheSendersToItStop() throws Exception {
        String room = room();
        String link = room + "?videos=1";
        try (Browser ana = new Browser().join(link, "Ana"); Browser ben = new Browser().join(link, "Ben");
             Browser cat = new Browser().join(link, "Cat")) {
            List<Browser> everyone = List.of(ana, ben, cat);
            Map<String, Browser> byId = new java.util.HashMap<>();
            for (Browser person : everyone) {
                person.remoteVideosPlaying(1);
                byId.put((String) person.script("return window.rooms.manager.selfId"), person);
            }
            for (Browser person : everyone) {
                String self = (String) person.script("return window.rooms.manager.selfId");
                // Who is hidden may change while people speak; some hidden person must be found with their
                // video sender to this page stopped and their audio still arriving.
                person.waitFor(d -> {
                    List<WebElement> paused = d.findElements(By.cssSelector("#grid .tile.video-paused"));
                    if (paused.size() != 1) {
                        return null;
                    }
                    String hidden = paused.get(0).getAttribute("data-client");
                    Browser sender = byId.get(hidden);
                    if (sender == null || !Boolean.FALSE.equals(sender.script(
                            "const p = window.rooms.manager.peers.get(arguments[0]); return p ? p.videoSending() : null", self))) {
                        return null;
                    }
                    Number heard = (Number) person.script("const p = window.rooms.manager.peers.get(arguments[0]);"
                            + " return p ? p.pc.getReceivers().filter(r => r.track.kind === 'audio' && !r.track.muted)"
                            + ".length : 0", hidden);
                    Object bitrate = person.script("const q = window.rooms.manager.quality.get(arguments[0]);"
                            + " return !!q && q.bitrate > 0", hidden);
                    return heard.intValue() == 1 && Boolean.TRUE.equals(bitrate) ? true : null;
                });
                assertTrue(person.find("video-note").getText().contains("most recent speakers"));
            }
        }
    }

    private static String room() {
        return "rc-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
