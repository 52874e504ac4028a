package com.rooms.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A call on a network that lets only the TURN relay through: both pages use
 * relay-only ICE over one kind of the server's TURN URLs ({@code ?relay=}),
 * with the credentials the room server hands out, against a real coturn;
 * video frames decode on both sides and each page's quality sign says the
 * media goes through the relay that way. The browsers trust the relay's
 * certificate by its public key, as managed browsers trust a company CA. And a relayed call outlives its
 * first credentials (the shortest lifetime the server allows, 95 s on the
 * test server): an ICE restart after they expired allocates with the fresh
 * ones the server pushed. When the relay goes away mid-call the page says
 * the network blocks the call, and the call comes back once it returns.
 */
class RelayOnlyCallIT {
    private static TurnServer turn;

    /** The path of the page's only peer connection, as its quality sign reports it. */
    private static final String PATH = "const q = [...window.rooms.manager.quality.values()][0];"
            + " return q ? q.path : 'none'";

    @BeforeAll
    static void startRelay() throws Exception {
        turn = TurnServer.start();
    }

    @AfterAll
    static void stopRelay() throws Exception {
        turn.close();
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"udp", "tcp", "tls"})
    void aCallConnectsThroughTheRelayAlone(String transport) throws Exception {
        String room = "relay-" + transport + "-" + UUID.randomUUID().toString().substring(0, 8) + "?relay=" + transport;
        try (Browser ann = Browser.trusting(turn.spki).join(room, "Ann");
             Browser bob = Browser.trusting(turn.spki).join(room, "Bob")) {
            try {
                ann.remoteVideosPlaying(1);
                bob.remoteVideosPlaying(1);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("no call through the relay over " + transport + "; relay log:\n"
                        + turn.logTail(), e);
            }
            ann.framesAdvance();
            bob.framesAdvance();
            for (Browser page : new Browser[] {ann, bob}) {
                page.waitFor(d -> ("relay-" + transport).equals(page.script(PATH)) ? true : null);
                assertEquals("relay-" + transport, page.script(PATH));
            }
        }
    }

    private static final String CONNECTION_STATE = "return [...window.rooms.manager.peers.values()][0].pc.connectionState";

    @Test
    void whenTheOnlyPathFailsThePageSaysSoAndTheCallComesBackOnceTheRelayDoes() throws Exception {
        String room = "relay-gone-" + UUID.randomUUID().toString().substring(0, 8) + "?relay=udp";
        try (Browser ann = new Browser().join(room, "Ann"); Browser bob = new Browser().join(room, "Bob")) {
            ann.remoteVideosPlaying(1);
            bob.remoteVideosPlaying(1);

            turn.close();
            ann.waitFor(Duration.ofSeconds(90), d -> "failed".equals(ann.script(CONNECTION_STATE))
                    || ann.find("banner").getText().contains("Your network blocks the call with Bob") ? true : null);
            ann.waitFor(d -> ann.find("banner").getText().contains("Your network blocks the call with Bob; trying the relay")
                    ? true : null);

            turn = TurnServer.start();
            for (Browser page : new Browser[] {ann, bob}) {
                page.waitFor(Duration.ofSeconds(90), d -> "connected".equals(page.script(CONNECTION_STATE)) ? true : null);
            }
            ann.framesAdvance();
            bob.framesAdvance();
            ann.waitFor(d -> !ann.find("banner").getText().contains("Your network blocks") ? true : null);
        }
    }

    /** The TURN username of the newest ice-servers the page has: {@code <expiry-unix-seconds>:<user>}. */
    private static final String TURN_USER = "return window.rooms.manager.iceServers.find(s => s.username).username";

    @Test
    void aRelayedCallOutlivesItsFirstCredentialsAndRestartsIceWithTheFreshOnes() throws Exception {
        String room = "relay-ttl-" + UUID.randomUUID().toString().substring(0, 8) + "?relay=udp";
        try (Browser ann = new Browser().join(room, "Ann"); Browser bob = new Browser().join(room, "Bob")) {
            ann.remoteVideosPlaying(1);
            bob.remoteVideosPlaying(1);
            String first = (String) ann.script(TURN_USER);
            Instant expiry = Instant.ofEpochSecond(Long.parseLong(first.substring(0, first.indexOf(':'))));
            assertTrue(expiry.isBefore(Instant.now().plus(Duration.ofSeconds(100))), "short-lived: " + first);

            while (Instant.now().isBefore(expiry.plusSeconds(3))) {
                Thread.sleep(1000);
            }
            ann.framesAdvance();
            bob.framesAdvance();
            String fresh = (String) ann.script(TURN_USER);
            assertNotEquals(first, fresh, "the server pushed fresh credentials");

            int logged = Files.readAllLines(turn.log).size();
            ann.script("for (const p of window.rooms.manager.peers.values()) { p.pc.restartIce(); }");
            ann.waitFor(d -> allocatedSince(logged, first) ? true : null);
            ann.waitFor(d -> "connected".equals(ann.script(
                    "return [...window.rooms.manager.peers.values()][0].pc.connectionState")) ? true : null);
            ann.framesAdvance();
            bob.framesAdvance();
        }
    }

    /** Whether the relay allocated, after line {@code from} of its log, for a username other than {@code old}. */
    private static boolean allocatedSince(int from, String old) {
        try {
            return Files.readAllLines(turn.log).stream().skip(from)
                    .anyMatch(l -> l.contains("ALLOCATE processed, success") && !l.contains(old));
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
