package com.rooms.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import com.rooms.it.TcpLink;

/**
 * A page whose WebSocket drops (PROTOCOL.md 3.3): it takes its place back,
 * its call goes on on the same peer connections, nobody sees it leave, and
 * what was said meanwhile reaches it.
 */
class SignalingDropIT {
    /** Marks each of the page's peer connections, so the test can tell whether one was made anew. */
    private static final String MARK_PEERS = "for (const p of window.rooms.manager.peers.values()) { p.pc.mark = 'first'; }"
            + " return window.rooms.manager.peers.size";
    private static final String MARKED_PEERS_CONNECTED = "return [...window.rooms.manager.peers.values()]"
            + ".filter(p => p.pc.mark === 'first' && p.pc.connectionState === 'connected').length";

    @Test
    void aDroppedSignalingConnectionResumesAndTheCallGoesOnWithoutAnybodySeeingALeave() throws Exception {
        String room = "drop-" + UUID.randomUUID().toString().substring(0, 8);
        URI server = URI.create(Browser.BASE);
        try (TcpLink link = new TcpLink(0, server.getHost(), server.getPort());
             Browser roaming = new Browser().joinAt("http://localhost:" + link.port(), room, "Roaming");
             Browser steady = new Browser().join(room, "Steady")) {
            roaming.remoteVideosPlaying(1);
            steady.remoteVideosPlaying(1);
            String roamingId = (String) roaming.script("return window.rooms.manager.selfId");
            assertEquals(1L, roaming.script(MARK_PEERS));
            assertEquals(1L, steady.script(MARK_PEERS));
            steady.script("window.leftSeen = []; window.rooms.signaler.addEventListener('frame', e => {"
                    + " if (e.detail.frame.type === 'left') { window.leftSeen.push(e.detail.frame.data.id); } })");

            link.cut();
            roaming.waitFor(d -> d.findElement(By.id("status")).getText().startsWith("Reconnecting") ? true : null);
            steady.find("chat-text").sendKeys("said while Roaming was away", Keys.ENTER);
            steady.waitFor(d -> d.findElement(By.id("messages")).getText().contains("said while Roaming was away")
                    ? true : null);
            link.restore();

            roaming.waitFor(d -> "Connected".equals(d.findElement(By.id("status")).getText()) ? true : null);
            assertEquals(roamingId, roaming.script("return window.rooms.manager.selfId"), "the same place");
            roaming.waitFor(d -> d.findElement(By.id("messages")).getText().contains("said while Roaming was away")
                    ? true : null);
            assertEquals(1L, roaming.script(MARKED_PEERS_CONNECTED), "the call went on on the same peer connection");
            assertEquals(1L, steady.script(MARKED_PEERS_CONNECTED));
            roaming.framesAdvance();
            steady.framesAdvance();
            roaming.find("chat-text").sendKeys("back without leaving", Keys.ENTER);
            steady.waitFor(d -> d.findElement(By.id("messages")).getText().contains("back without leaving")
                    ? true : null);
            assertEquals("", String.valueOf(steady.script("return window.leftSeen.join()")),
                    "nobody saw Roaming leave");
            assertTrue(steady.find("roster").getText().contains("Roaming"));
        }
    }
}
