package com.rooms.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;

import com.code_intelligence.jazzer.junit.FuzzTest;

import com.rooms.membership.Names;
import com.rooms.protocol.ClientFrame;
import com.rooms.protocol.Command;
import com.rooms.protocol.ErrorCode;
import com.rooms.protocol.FrameDecoder;
import com.rooms.protocol.FrameEncoder;
import com.rooms.protocol.FrameRejected;
import com.rooms.protocol.ServerFrame;
import com.rooms.protocol.Utf8;
import com.rooms.websocket.RoomEndpoint;

/**
 * A client frame, whatever its content, is decoded into a frame within the
 * protocol's limits or refused with {@link FrameRejected} carrying one of the
 * decoder's three codes; nothing else escapes. A relayed frame reaches its
 * receiver as the sender wrote it.
 */
class FrameDecoderFuzzTest {
    private static final Set<ErrorCode> DECODER_CODES =
            EnumSet.of(ErrorCode.BAD_JSON, ErrorCode.UNKNOWN_TYPE, ErrorCode.INVALID);
    private static final Set<String> RELAYED = Set.of("offer", "answer", "candidate", "greeting", "bye", "ping", "pong");

    private static final FrameDecoder DECODER = new FrameDecoder();
    private static final FrameEncoder ENCODER = new FrameEncoder();

    @FuzzTest(maxDuration = "60s")
    void anyStringIsAFrameOrARefusal(byte[] input) {
        decodeOrRefuse(FuzzInputs.anyString(input));
    }

    @FuzzTest(maxDuration = "60s")
    void anySocketMessageIsAFrameOrARefusal(byte[] message) {
        String text = FuzzInputs.socketText(message);
        if (text == null || message.length > RoomEndpoint.MAX_FRAME_BYTES) {
            return;
        }
        assertEquals(message.length, Utf8.length(text), "the endpoint's size of the message");
        decodeOrRefuse(text);
    }

    @FuzzTest(maxDuration = "60s")
    void aRelayedFrameReachesItsReceiverUnchanged(byte[] message) {
        String text = FuzzInputs.socketText(message);
        if (text == null) {
            return;
        }
        ClientFrame frame = decodeOrRefuse(text);
        if (frame == null || !(frame.command() instanceof Command.Relay relay)) {
            return;
        }
        String written = ENCODER.encode(new ServerFrame(relay.type(), frame.id(), null, "n1-7", frame.receiver(),
                relay.data()));
        String received = FuzzInputs.socketText(written.getBytes(StandardCharsets.UTF_8));
        assertEquals(frame, DECODER.decode(received), "the relayed frame as its receiver reads it: " + received);
    }

    private ClientFrame decodeOrRefuse(String text) {
        ClientFrame frame;
        try {
            frame = DECODER.decode(text);
        } catch (FrameRejected rejected) {
            assertTrue(DECODER_CODES.contains(rejected.code()), "code " + rejected.code());
            assertNotNull(rejected.getMessage());
            if (rejected.code() == ErrorCode.BAD_JSON) {
                assertNull(rejected.ref(), "a frame that is not JSON has no id to refer to");
            }
            if (rejected.ref() != null) {
                assertTrue(codePoints(rejected.ref()) <= FrameDecoder.MAX_ID_LENGTH, "ref " + rejected.ref());
            }
            return null;
        }
        assertWithinLimits(frame);
        return frame;
    }

    private static void assertWithinLimits(ClientFrame frame) {
        assertTrue(frame.id() == null || codePoints(frame.id()) <= FrameDecoder.MAX_ID_LENGTH, "id");
        assertTrue(frame.receiver() == null || !frame.receiver().isEmpty(), "receiver");
        Command command = frame.command();
        if (command instanceof Command.Relay relay) {
            assertTrue(RELAYED.contains(relay.type()), "relayed type " + relay.type());
            assertTrue(frame.directed() || !relay.type().equals("ping") && !relay.type().equals("pong"),
                    relay.type() + " relayed without a receiver");
            if (relay.data() != null) {
                assertOneJsonValue(relay.data().text());
            }
            return;
        }
        if (command instanceof Command.Text text) {
            assertTrue(between(codePoints(text.text()), 1, FrameDecoder.MAX_TEXT_LENGTH), "text");
            return;
        }
        assertNull(frame.receiver(), command.type() + " with a receiver");
        if (command instanceof Command.Ping ping) {
            if (ping.data() != null) {
                assertOneJsonValue(ping.data().text());
            }
        } else if (command instanceof Command.Profile profile) {
            String name = profile.username();
            assertTrue(between(codePoints(name), 1, FrameDecoder.MAX_USERNAME_LENGTH), "username length");
            assertTrue(Names.printable(name) && !name.isBlank(), "username printable");
        } else if (command instanceof Command.Refresh refresh) {
            assertFalse(refresh.token().isEmpty(), "token");
        } else if (command instanceof Command.GetHistory history) {
            assertTrue(history.before() == null || history.before() >= 1, "before");
            assertTrue(between(history.limit(), 1, FrameDecoder.MAX_HISTORY_LIMIT), "limit");
        } else if (command instanceof Command.Kick kick) {
            assertTrue(kick.clientId() == null
                    ? kick.userId() != null && !kick.userId().isEmpty()
                    : kick.userId() == null && !kick.clientId().isEmpty(), "kick target");
        }
    }

    /** A parser without Parsson's default depth limit: relayed data may nest as deep as the frame allows. */
    private static final JsonParserFactory UNLIMITED =
            Json.createParserFactory(java.util.Map.of("org.eclipse.parsson.maxDepth", Integer.MAX_VALUE));

    /** One JSON value and nothing after it, read as events (so that no number is built). */
    private static void assertOneJsonValue(String text) {
        try (JsonParser parser = UNLIMITED.createParser(new StringReader(text))) {
            int depth = 0;
            do {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.START_ARRAY || event == JsonParser.Event.START_OBJECT) {
                    depth++;
                } else if (event == JsonParser.Event.END_ARRAY || event == JsonParser.Event.END_OBJECT) {
                    depth--;
                }
            } while (depth > 0);
            assertFalse(parser.hasNext(), "more after the value: " + text);
        }
    }

    private static boolean between(long value, long min, long max) {
        return value >= min && value <= max;
    }

    private static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }
}
