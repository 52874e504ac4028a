package com.rooms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Every close the server starts finishes, whatever the client goes on
 * sending: the close frame comes, and the TCP connection ends within a few
 * seconds, so no socket is left half-open holding a descriptor.
 */
class ClosesFinishIT {
    private static final int FRAGMENT = 30_000;
    private static final long ENDS_WITHIN_MS = 5_000;

    private static byte[] filler(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) 'a');
        return bytes;
    }

    private static RawWebSocket member(String room) throws Exception {
        RawWebSocket ws = RawWebSocket.join(room, TestServer.token(TestServer.user("closer")));
        assertTrue(ws.next().text().contains("\"welcome\""));
        return ws;
    }

    /** Four 30,000-byte fragments of one text message: over 64 KiB from the third. */
    private static void oversizedInFragments(RawWebSocket ws) {
        ws.sendQuietly(false, RawWebSocket.TEXT, filler(FRAGMENT));
        for (int i = 1; i < 4; i++) {
            ws.sendQuietly(i == 3, RawWebSocket.CONTINUATION, filler(FRAGMENT));
        }
    }

    @Test
    void anOversizedFragmentedMessageIsClosed1009AndTheConnectionEndsWhenTheClientAnswers() throws Exception {
        String room = TestServer.room("close");
        try (RawWebSocket ws = member(room)) {
            oversizedInFragments(ws);
            assertEquals(1009, ws.untilClose().closeCode());
            ws.sendClose(1009);
            assertTrue(ws.endsWithin(ENDS_WITHIN_MS), "the server did not end the connection");
        }
    }

    @Test
    void aClientThatKeepsSendingFragmentsAfterTheRefusalStillHasItsConnectionEnded() throws Exception {
        String room = TestServer.room("close");
        try (RawWebSocket ws = member(room)) {
            oversizedInFragments(ws);
            for (int i = 0; i < 20; i++) {
                ws.sendQuietly(false, RawWebSocket.CONTINUATION, filler(FRAGMENT));
            }
            assertEquals(1009, ws.untilClose().closeCode());
            for (int i = 0; i < 20; i++) {
                ws.sendQuietly(false, RawWebSocket.CONTINUATION, filler(FRAGMENT));
            }
            assertTrue(ws.endsWithin(ENDS_WITHIN_MS), "the server did not end the connection");
        }
    }

    @Test
    void aFragmentedBinaryMessageIsClosed1003AndTheConnectionEnds() throws Exception {
        String room = TestServer.room("close");
        try (RawWebSocket ws = member(room)) {
            ws.sendQuietly(false, RawWebSocket.BINARY, filler(FRAGMENT));
            for (int i = 0; i < 4; i++) {
                ws.sendQuietly(i == 3, RawWebSocket.CONTINUATION, filler(FRAGMENT));
            }
            assertEquals(1003, ws.untilClose().closeCode());
            ws.sendQuietly(false, RawWebSocket.CONTINUATION, filler(FRAGMENT));
            assertTrue(ws.endsWithin(ENDS_WITHIN_MS), "the server did not end the connection");
        }
    }

    @Test
    void aClientThatNeverAnswersTheCloseHasItsConnectionEnded() throws Exception {
        String room = TestServer.room("close");
        try (RawWebSocket ws = member(room)) {
            oversizedInFragments(ws);
            assertEquals(1009, ws.untilClose().closeCode());
            assertTrue(ws.endsWithin(ENDS_WITHIN_MS), "the server did not end the connection");
        }
    }

    @Test
    void refusedClientsGiveBackEveryDescriptorAndTheRoomGoesOn() throws Exception {
        ServerProcess server = ServerProcess.ofTestServer();
        String room = TestServer.room("close");
        try (RoomClient honest = RoomClient.join(room, TestServer.user("honest"))) {
            long before = server.openDescriptors();
            List<RawWebSocket> refused = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                RawWebSocket ws = member(room);
                refused.add(ws);
                if (i % 2 == 0) {
                    oversizedInFragments(ws);
                } else {
                    ws.sendQuietly(false, RawWebSocket.BINARY, filler(FRAGMENT));
                    ws.sendQuietly(false, RawWebSocket.CONTINUATION, filler(FRAGMENT));
                }
            }
            for (RawWebSocket ws : refused) {
                ws.untilClose();
                assertTrue(ws.endsWithin(ENDS_WITHIN_MS), "the server did not end a refused connection");
            }
            for (RawWebSocket ws : refused) {
                ws.close();
            }
            long after = server.descriptorsDownTo(before, 10_000);
            assertTrue(after <= before, "descriptors " + before + " before, " + after + " after");
            assertEquals("still here", honest.say("still here").getString("text"));
        }
    }
}
