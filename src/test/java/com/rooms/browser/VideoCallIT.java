package com.rooms.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.junit.jupiter.api.Test;

/** People in real Chromium see and hear each other and chat, through the real page. */
class VideoCallIT {

    @Test
    void twoPeopleSeeEachOthersVideoAndChat() throws Exception {
        String room = room();
        try (Browser alice = new Browser().join(room, "Alice"); Browser bob = new Browser().join(room, "Bob")) {
            for (Browser person : List.of(alice, bob)) {
                person.remoteVideosPlaying(1);
                person.framesAdvance();
            }
            alice.screenshot(Path.of("target", "browser", "two-person-call.png"));

            String text = "hello <img src=x onerror=\"window.pwned=1\"> & <b>bold</b>";
            WebElement input = alice.find("chat-text");
            input.sendKeys(text, Keys.ENTER);
            bob.waitFor(d -> d.findElements(By.cssSelector("#messages .text")).stream()
                    .anyMatch(e -> text.equals(e.getText())) ? true : null);
            assertEquals(0L, bob.script("return document.querySelectorAll('#messages img, #messages b').length"),
                    "markup is shown as text");
            assertNull(bob.script("return window.pwned === undefined ? null : window.pwned"), "and runs nothing");
        }
    }

    @Test
    void threePeopleFormAMeshAndTheOthersDropTheOneWhoLeaves() throws Exception {
        String room = room();
        try (Browser a = new Browser().join(room, "Ana"); Browser b = new Browser().join(room, "Ben");
             Browser c = new Browser().join(room, "Cat")) {
            for (Browser person : List.of(a, b, c)) {
                person.remoteVideosPlaying(2);
            }
            c.find("leave").click();
            for (Browser person : List.of(a, b)) {
                person.waitFor(d -> ((Long) person.script("return document.querySelectorAll('#grid video.remote').length"))
                        == 1L ? true : null);
            }
            a.remoteVideosPlaying(1);
        }
    }

    private static String room() {
        return "call-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
