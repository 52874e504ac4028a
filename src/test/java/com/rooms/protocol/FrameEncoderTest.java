package com.rooms.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class FrameEncoderTest {
    private static final FrameEncoder ENCODER = new FrameEncoder();

    @AfterAll
    static void close() throws Exception {
        ENCODER.close();
    }

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    @Test
    void relayedDataIsWrittenAsTheSameJson() {
        String data = "{\"candidate\":\"candidate:1 1 udp 2122260223 10.0.0.1 5000 typ host\","
                + "\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"n\":1.50,\"nested\":[true,null,\"x\"]}";
        String out = ENCODER.encode(new ServerFrame("candidate", "c-1", null, "a-1", "b-2", json(data)));
        assertEquals("{\"type\":\"candidate\",\"id\":\"c-1\",\"sender\":\"a-1\",\"receiver\":\"b-2\",\"data\":" + data + "}", out);
    }

    @Test
    void relayedScalarDataStaysScalar() {
        assertEquals("{\"type\":\"offer\",\"sender\":\"a\",\"data\":\"v=0\\r\\n\"}",
                ENCODER.encode(new ServerFrame("offer", null, null, "a", null, json("\"v=0\\r\\n\""))));
        assertEquals("{\"type\":\"greeting\",\"sender\":\"a\",\"data\":42}",
                ENCODER.encode(new ServerFrame("greeting", null, null, "a", null, json("42"))));
    }

    @Test
    void rawRelayedDataIsCopiedByteForByte() {
        String data = "{ \"sdp\" : \"v=0\\r\\n\", \"n\": 1.50e0 }";
        assertEquals("{\"type\":\"offer\",\"id\":\"c-1\",\"sender\":\"a-1\",\"receiver\":\"b-2\",\"data\":" + data + "}",
                ENCODER.encode(new ServerFrame("offer", "c-1", null, "a-1", "b-2", new RawJson(data))));
    }

    @Test
    void directlyWrittenFramesMatchWhatJsonBindingWrites() {
        String[] ids = {"c-1", "quote\"back\\slash", "line\nbreak\ttab\u0001\u001f", "é😀", null};
        for (String id : ids) {
            String direct = ENCODER.encode(new ServerFrame("candidate", id, null, "a-1", null, new RawJson("{\"k\":[1]}")));
            String bound = ENCODER.encode(new ServerFrame("candidate", id, null, "a-1", null, json("{\"k\":[1]}")));
            assertEquals(json(bound), json(direct), String.valueOf(id));
        }
    }

    @Test
    void aLoneSurrogateInAnIdIsWrittenAsTheEscapeTheClientSent() {
        String out = ENCODER.encode(new ServerFrame("greeting", "a\udc00\ud83d\ude00\ud800", null, "a-1", null, null));
        assertEquals("{\"type\":\"greeting\",\"id\":\"a\\udc00\ud83d\ude00\\ud800\",\"sender\":\"a-1\"}", out);
        assertEquals("a\udc00\ud83d\ude00\ud800", new FrameDecoder().decode(out).id());
    }

    @Test
    void frameWithoutDataLeavesItOut() {
        assertEquals("{\"type\":\"bye\",\"sender\":\"a\"}", ENCODER.encode(new ServerFrame("bye", null, null, "a", null, null)));
    }

    @Test
    void payloadNamesAreSnakeCaseAndPrivateIsAlwaysWritten() {
        String out = ENCODER.encode(ServerFrame.toRoom("text",
                new Payload.Chat(7, "Alice", "alice", "2026-11-21T10:00:00Z", "hi", false, null)));
        assertEquals("{\"type\":\"text\",\"sender\":\"server\",\"data\":{\"message_id\":7,\"from\":\"Alice\","
                + "\"user_id\":\"alice\",\"time\":\"2026-11-21T10:00:00Z\",\"text\":\"hi\",\"private\":false}}", out);
    }

    @Test
    void welcomeCarriesEveryField() {
        String out = ENCODER.encode(ServerFrame.toClient("welcome", "n-1", "c-9",
                new Payload.Welcome("n-1", "alice", "Alice", "demo", "owner", "2026-11-21T11:00:00Z", 1, "tok", 20,
                        false)));
        assertEquals("{\"type\":\"welcome\",\"ref\":\"c-9\",\"sender\":\"server\",\"receiver\":\"n-1\",\"data\":"
                + "{\"client_id\":\"n-1\",\"user_id\":\"alice\",\"username\":\"Alice\",\"room_id\":\"demo\","
                + "\"role\":\"owner\",\"expires_at\":\"2026-11-21T11:00:00Z\",\"protocol\":1,\"resume\":\"tok\","
                + "\"resume_window\":20,\"resumed\":false}}", out);
    }

    @Test
    void iceServersAreAList() {
        String out = ENCODER.encode(ServerFrame.toClient("ice-servers", "n-1", null, List.of(
                new Payload.IceServer(List.of("stun:s:3478"), null, null),
                new Payload.IceServer(List.of("turn:t:3478"), "100:alice", "c2VjcmV0"))));
        assertEquals("{\"type\":\"ice-servers\",\"sender\":\"server\",\"receiver\":\"n-1\",\"data\":["
                + "{\"urls\":[\"stun:s:3478\"]},{\"urls\":[\"turn:t:3478\"],\"username\":\"100:alice\",\"credential\":\"c2VjcmV0\"}]}", out);
    }
}
