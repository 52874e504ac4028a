package com.rooms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Every close the server starts finishes, whatever the client goes on
 * sending: the close frame comes, and the TCP connection ends within a few
 * seconds of the client's answer, so no socket is left half-open holding a
 * descriptor. A client that never answers is waited for 30 s, Open Liberty's
 * fixed wait for the answer to a close (docs/reliability.md).
 */
class ClosesFinishIT {
    private static final int FRAGMENT = 30_000;
    private static final long ENDS_WITHIN_MS = 5_000;
    private static final long UNANSWERED_ENDS_WITHIN_MS = 35_000;
    /**
     * Descriptors the shared server may open meanwhile for reasons of its own
     * (a database connection, a log file); 40 refused sockets left open
     * would show as 40.
     */
    private static final long UNRELATED_DESCRIPTORS = 3;

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

    /**
     * Continuation frames that belong to no message, sent after the refused
     * one has ended, while the server's close is under way: Open Liberty
     * 26.0.0.3 then sometimes stops reading the connection and never ends it
     * (the socket stays established, its receive queue full). The
     * application has handed the session back by then and cannot end it;
     * docs/reliability.md, "Closes finish", has the reproduction.
     */
    @Disabled("Open Liberty 26.0.0.3 stops reading a closing connection that receives stray continuation frames")
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
            ws.sendClose(1003);
            assertTrue(ws.endsWithin(ENDS_WITHIN_MS), "the server did not end the connection");
        }
    }

    @Test
    void aClientThatNeverAnswersTheCloseHasItsConnectionEndedAfterLibertysWait() throws Exception {
        String room = TestServer.room("close");
        try (RawWebSocket ws = member(room)) {
            oversizedInFragments(ws);
            assertEquals(1009, ws.untilClose().closeCode());
            assertTrue(ws.endsWithin(UNANSWERED_ENDS_WITHIN_MS), "the server did not end the connection");
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
                    ws.sendQuietly(true, RawWebSocket.CONTINUATION, filler(FRAGMENT));
                }
            }
            for (int i = 0; i < refused.size(); i++) {
                RawWebSocket ws = refused.get(i);
                int code = ws.untilClose().closeCode();
                ws.sendClose(code);
                assertTrue(ws.endsWithin(ENDS_WITHIN_MS), "the server did not end refused connection " + i
                        + " (closed " + code + ")");
            }
            for (RawWebSocket ws : refused) {
                ws.close();
            }
            long after = server.descriptorsDownTo(before, 10_000);
            assertTrue(after <= before + UNRELATED_DESCRIPTORS, "descriptors " + before + " before, " + after + " after");
            assertEquals("still here", honest.say("still here").getString("text"));
        }
    }
}
