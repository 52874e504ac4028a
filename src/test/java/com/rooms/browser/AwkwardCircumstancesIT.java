package com.rooms.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.openqa.selenium.By;
import org.junit.jupiter.api.Test;

/** A refused camera, a phone-sized screen, being removed: the page still does the right thing. */
class AwkwardCircumstancesIT {
    private static final String OWN_USER_ID =
            "return sessionStorage.getItem('rooms.user')";
    /** Each transceiver of the page's only peer as "its kind:the kind of the track it sends:its direction", sorted. */
    private static final String SENT_BY_KIND = "return [...window.rooms.manager.peers.values()][0].pc.getTransceivers()"
            + ".map(t => [t.receiver.track.kind, t.sender.track ? t.sender.track.kind : 'none', t.direction].join(':'))"
            + ".sort().join()";

    @Test
    void someoneWhoRefusedTheCameraStillJoinsHearsAndSeesTheOthers() throws Exception {
        String room = room();
        try (Browser shy = new Browser(true, "1280,800").join(room, "Shy");
             Browser bold = new Browser().join(room, "Bold")) {
            shy.remoteVideosPlaying(1);
            assertEquals(0L, shy.script("return window.rooms.manager.localStream.getVideoTracks().length"),
                    "no camera was opened");
            bold.waitFor(d -> d.findElements(By.cssSelector("#roster li")).stream()
                    .anyMatch(li -> li.getText().contains("Shy")) ? true : null);
        }
    }

    @Test
    void someoneWithOnlyAMicrophoneSharesTheScreenAndTheOthersSeeIt() throws Exception {
        sharesTheScreenWithoutACamera(true, "audio:audio:sendrecv,video:video:sendrecv");
    }

    @Test
    void someoneWithNeitherCameraNorMicrophoneSharesTheScreenAndTheOthersSeeIt() throws Exception {
        sharesTheScreenWithoutACamera(false, "audio:none:recvonly,video:video:sendrecv");
    }

    /** @param sent {@link #SENT_BY_KIND} while the screen is shared */
    private static void sharesTheScreenWithoutACamera(boolean microphone, String sent) throws Exception {
        String room = room();
        try (Browser shy = Browser.withoutCamera(microphone).join(room, "Shy");
             Browser bold = new Browser().join(room, "Bold")) {
            shy.remoteVideosPlaying(1);
            assertEquals(0L, shy.script("return window.rooms.manager.localStream.getVideoTracks().length"));
            assertEquals(0L, bold.framesDecoded(), "nothing to see yet from someone without a camera");
            shy.find("screen").click();
            shy.waitFor(d -> "true".equals(d.findElement(By.id("screen")).getAttribute("aria-pressed"))
                    || d.findElement(By.id("banner")).getText().contains("Screen") ? true : null);
            assertEquals("true", shy.find("screen").getAttribute("aria-pressed"),
                    "sharing did not start: " + shy.find("banner").getText() + " " + shy.script(SENT_BY_KIND));
            assertEquals(sent, shy.script(SENT_BY_KIND), "the screen goes out on the video sender, the microphone stays");
            bold.remoteVideosPlaying(1);
            bold.framesAdvance();
        }
    }

    @Test
    void aPhoneSizedScreenNeedsNoSidewaysScrolling() throws Exception {
        String room = room();
        try (Browser phone = new Browser(false, "360,740").join(room, "Phone");
             Browser desk = new Browser().join(room, "Desk")) {
            phone.remoteVideosPlaying(1);
            long width = (Long) phone.script("return document.documentElement.scrollWidth");
            long viewport = (Long) phone.script("return window.innerWidth");
            assertTrue(width <= viewport, "page " + width + " px wide in a " + viewport + " px window");
        }
    }

    @Test
    void aKickedPersonIsToldSoAndStaysOut() throws Exception {
        String room = room();
        try (Browser owner = new Browser().join(room, "Owner"); Browser guest = new Browser().join(room, "Guest")) {
            owner.waitFor(d -> d.findElements(By.cssSelector("#roster .menu")).size() == 1 ? true : null);
            owner.waitFor(d -> {
                d.findElement(By.cssSelector("#roster .menu summary")).click();
                d.findElement(By.cssSelector("#roster .menu button[data-action=kick]")).click();
                return true;
            });
            guest.waitFor(d -> d.findElement(By.id("banner")).getText().contains("removed") ? true : null);
            assertEquals("Closed", guest.find("status").getText());
            owner.waitFor(d -> ((Long) owner.script("return document.querySelectorAll('#grid video.remote').length"))
                    == 0L ? true : null);
        }
    }

    @Test
    void twoPeopleWithLookAlikeNamesAreShownWithTheirUserIds() throws Exception {
        String room = room();
        try (Browser first = new Browser().join(room, "Alice"); Browser second = new Browser().join(room, "\u0410lice");
             Browser third = new Browser().join(room, "Bob")) {
            String firstId = (String) first.script(OWN_USER_ID);
            String secondId = (String) second.script(OWN_USER_ID);
            third.waitFor(d -> {
                String roster = d.findElement(By.id("roster")).getText();
                return roster.contains("Alice (" + firstId + ")") && roster.contains("\u0410lice (" + secondId + ")")
                        ? true : null;
            });
            String roster = third.find("roster").getText();
            assertTrue(roster.contains("Bob (you)") && !roster.contains("Bob (bob"),
                    "a name nobody shares stays plain: " + roster);
        }
    }

    private static String room() {
        return "odd-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
