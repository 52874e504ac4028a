package com.rooms.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.rooms.membership.RoomAccess;
import com.rooms.protocol.CloseCode;
import com.rooms.security.Identity;

/**
 * Runs inside the Liberty server: the room beans as CDI wires them, with the
 * real producers, configuration, database and managed executor.
 */
@ExtendWith(ArquillianExtension.class)
class ChatManagerWiringIT {

    @Deployment
    static WebArchive deployment() {
        return InServer.archive("rooms-wiring.war").addClasses(Recorded.class);
    }

    @Inject
    ChatManager manager;

    @Inject
    RoomAccess access;

    @Inject
    TestMetrics metrics;

    @Test
    void chatManagerIsOneApplicationScopedInstance() {
        String room = "wiring-" + UUID.randomUUID();
        Recorded aliceSees = new Recorded();
        ChatClient alice = manager.connect(access.admit(room, user("alice")), user("alice"), aliceSees);
        ChatManager looked = CDI.current().select(ChatManager.class).get();
        assertSame(manager.room(room), looked.room(room), "every injection point shares the rooms");
        manager.disconnected(alice, aliceSees, 1000);
    }

    @Test
    void eachRoomIsItsOwnChatRoomBeanAndClosesWhenEmpty() {
        String first = "wiring-" + UUID.randomUUID();
        String second = "wiring-" + UUID.randomUUID();
        Recorded annSees = new Recorded();
        Recorded bobSees = new Recorded();
        ChatClient a = manager.connect(access.admit(first, user("ann")), user("ann"), annSees);
        ChatClient b = manager.connect(access.admit(second, user("bob")), user("bob"), bobSees);

        ChatRoom one = manager.room(first);
        ChatRoom two = manager.room(second);
        assertNotNull(one);
        assertNotNull(two);
        assertNotSame(one, two);
        assertEquals(first, one.id());
        assertEquals(1, one.size());

        manager.disconnected(a, annSees, 1000);
        manager.disconnected(b, bobSees, 1000);
        assertNull(manager.room(first), "an empty room is closed and forgotten");
        assertNull(manager.room(second));
    }

    @Test
    void injectedServicesCarryChatFromOneClientToAnother() throws InterruptedException {
        String room = "wiring-" + UUID.randomUUID();
        Recorded carolSees = new Recorded();
        Recorded daveSees = new Recorded();
        ChatClient carol = manager.connect(access.admit(room, user("carol")), user("carol"), carolSees);
        ChatClient dave = manager.connect(access.admit(room, user("dave")), user("dave"), daveSees);

        JsonObject welcome = carolSees.await(f -> f.getString("type").equals("welcome"));
        assertTrue(welcome.getJsonObject("data").getString("client_id").startsWith(
                CDI.current().select(NodeSettings.class).get().nodeId() + "-"), "client ids carry the node id");
        JsonObject joined = carolSees.await(f -> f.getString("type").equals("joined"));
        assertEquals(dave.id(), joined.getJsonObject("data").getString("id"));

        manager.room(room).receive(carol, "{\"type\":\"text\",\"data\":{\"text\":\"hello from inside\"}}");
        JsonObject text = daveSees.await(f -> f.getString("type").equals("text"));
        assertEquals(carol.id(), text.getString("sender"));
        assertEquals("hello from inside", text.getJsonObject("data").getString("text"));
        assertTrue(metrics.writes() > 0, "the room reports to the RoomMetrics bean CDI chose");

        manager.disconnected(dave, daveSees, 1000);
        JsonObject left = carolSees.await(f -> f.getString("type").equals("left"));
        assertEquals(dave.id(), left.getJsonObject("data").getString("id"));
        manager.disconnected(carol, carolSees, 1000);
    }

    private static Identity user(String name) {
        return new Identity(name + "-" + UUID.randomUUID(), name, false, Instant.now().plus(1, ChronoUnit.HOURS));
    }

    /** A connection that keeps what it was sent. */
    static final class Recorded implements Connection {
        private final List<String> frames = new CopyOnWriteArrayList<>();

        @Override
        public void send(String text, Consumer<Throwable> done) {
            frames.add(text);
            done.accept(null);
        }

        @Override
        public void ping() {
        }

        @Override
        public void close(CloseCode code, String reason) {
        }

        JsonObject await(Predicate<JsonObject> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < deadline) {
                for (String frame : frames) {
                    JsonObject parsed = Json.createReader(new StringReader(frame)).readObject();
                    if (wanted.test(parsed)) {
                        return parsed;
                    }
                }
                Thread.sleep(10);
            }
            throw new AssertionError("no such frame within 10 s; got " + frames);
        }
    }
}
