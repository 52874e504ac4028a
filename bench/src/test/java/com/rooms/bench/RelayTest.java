package com.rooms.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Reading a relayed frame's send time, with and without the server's {@code seq} (PROTOCOL.md 2). */
class RelayTest {
    private static long timestamp(String frame) {
        return Relay.timestamp(ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theSendTimeIsReadFromTheEndOfData() {
        assertEquals(123456789L, timestamp("{\"type\":\"candidate\",\"sender\":\"a\",\"data\":{\"c\":\"x\",\"t\":123456789}}"));
    }

    @Test
    void theServersSeqAfterDataIsSkipped() {
        assertEquals(987654321L,
                timestamp("{\"type\":\"candidate\",\"sender\":\"a\",\"data\":{\"c\":\"x\",\"t\":987654321},\"seq\":42}"));
    }

    @Test
    void aFrameWithoutASendTimeHasNone() {
        assertEquals(-1L, timestamp("{\"type\":\"pong\",\"sender\":\"server\",\"data\":\"x\",\"seq\":7}"));
        assertEquals(-1L, timestamp("{\"type\":\"joined\",\"data\":{\"id\":\"n-1\"},\"seq\":3}"));
    }
}
