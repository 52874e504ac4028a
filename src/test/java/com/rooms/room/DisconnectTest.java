package com.rooms.room;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each way of leaving, as PROTOCOL.md 3 and 6 write it: the {@code left} reason, the {@code bye}, the close code. */
class DisconnectTest {

    static Stream<Arguments> protocol() {
        return Stream.of(
                Arguments.of(Disconnect.CLOSED, "closed", null, null),
                Arguments.of(Disconnect.KICKED, "kicked", "kicked", 4003),
                Arguments.of(Disconnect.REMOVED, "kicked", "kicked", 4003),
                Arguments.of(Disconnect.EXPIRED, "expired", "expired", 4001),
                Arguments.of(Disconnect.RATE_LIMITED, "rate-limited", null, 1008),
                Arguments.of(Disconnect.TIMEOUT, "timeout", null, 1001),
                Arguments.of(Disconnect.REPLACED, "closed", null, 1000),
                Arguments.of(Disconnect.TOO_SLOW, "too-slow", null, 1013),
                Arguments.of(Disconnect.WRITE_FAILED, "too-slow", null, 1013),
                Arguments.of(Disconnect.TOO_BIG, "error", null, 1009),
                Arguments.of(Disconnect.BINARY, "error", null, 1003),
                Arguments.of(Disconnect.INTERNAL_ERROR, "error", null, 1011),
                Arguments.of(Disconnect.SHUTDOWN, "shutdown", "shutdown", 1001),
                Arguments.of(Disconnect.ROOM_DELETED, "room-deleted", "room-deleted", 4004));
    }

    @ParameterizedTest
    @MethodSource("protocol")
    void eachWayOfLeavingTellsTheRoomAndTheClientWhatTheProtocolSays(Disconnect why, String left, String bye,
                                                                      Integer code) {
        assertEquals(left, why.leftReason());
        assertEquals(bye, why.byeReason());
        assertEquals(code, why.code() == null ? null : why.code().code());
    }

    @ParameterizedTest
    @MethodSource("protocol")
    void everyWayOfLeavingIsInTheTable(Disconnect why) {
        assertEquals(Disconnect.values().length, protocol().count(), "the table lists " + why);
        assertEquals(1, protocol().filter(a -> a.get()[0] == why).count());
        assertEquals(Disconnect.values().length, Arrays.stream(Disconnect.values()).distinct().count());
    }
}
