package com.rooms.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The frames a place keeps for a resume (PROTOCOL.md 3.3): numbering, bounds, what a resume can be given. */
class KeptFramesTest {
    private static Outbound frame(String text) {
        return Outbound.of(text, "text", 0);
    }

    private static List<Long> seqs(List<KeptFrames.Numbered> frames) {
        return frames.stream().map(KeptFrames.Numbered::seq).collect(Collectors.toList());
    }

    @Test
    void framesAreNumberedFromOneWithoutGaps() {
        KeptFrames kept = new KeptFrames(1_000, 100);
        for (int i = 1; i <= 5; i++) {
            assertEquals(i, kept.keep(frame("{\"n\":" + i + "}")).seq());
        }
        assertEquals(5, kept.lastSeq());
        assertEquals(List.of(3L, 4L, 5L), seqs(kept.after(2)));
    }

    @Test
    void numberingGoesOnWhenNothingIsKept() {
        KeptFrames off = new KeptFrames(0, 0);
        assertEquals(1, off.keep(frame("{}")).seq());
        assertEquals(2, off.keep(frame("{}")).seq());
        assertEquals(0, off.size());
        assertFalse(off.covers(1), "resume is off: nothing can be replayed");
    }

    @Test
    void theOldestGiveWayToTheFrameLimitWhileAttached() {
        KeptFrames kept = new KeptFrames(1_000_000, 3);
        for (int i = 0; i < 5; i++) {
            kept.keep(frame("{}"));
        }
        assertEquals(List.of(3L, 4L, 5L), seqs(kept.after(0)));
        assertFalse(kept.covers(1), "frame 2 gave way: a client that read only 1 cannot be given everything");
        assertTrue(kept.covers(2));
        assertTrue(kept.covers(5));
    }

    @Test
    void theOldestGiveWayToTheByteLimitWhileAttached() {
        KeptFrames kept = new KeptFrames(10, 100);
        kept.keep(frame("{\"a\":1}"));
        kept.keep(frame("{\"b\":2}"));
        assertEquals(1, kept.size(), "7 + 7 bytes pass 10: the first gave way");
        assertEquals(7, kept.bytes());
    }

    @Test
    void aSeqNeverSentIsNotCovered() {
        KeptFrames kept = new KeptFrames(1_000, 10);
        kept.keep(frame("{}"));
        assertFalse(kept.covers(2), "the client says it read a frame that was never sent");
        assertFalse(kept.covers(-1));
        assertTrue(kept.covers(1), "read everything: nothing to replay");
        assertTrue(kept.after(1).isEmpty());
    }

    @Test
    void framesThePongConfirmedAreDropped() {
        KeptFrames kept = new KeptFrames(1_000, 10);
        for (int i = 0; i < 4; i++) {
            kept.keep(frame("{}"));
        }
        kept.readThrough(3);
        assertEquals(List.of(4L), seqs(kept.after(0)));
        assertTrue(kept.covers(3), "the client read 3, so it needs only 4");
        assertFalse(kept.covers(2), "a client claiming it read only 2 contradicts the pong");
    }

    @Test
    void whileDetachedFramesTheClientNeverGotDoNotGiveWay() {
        KeptFrames kept = new KeptFrames(1_000_000, 3);
        kept.keep(frame("{}"));
        kept.keep(frame("{}"));
        kept.detach(2);
        assertNotNull(kept.keep(frame("{}")), "3 fits");
        assertNotNull(kept.keep(frame("{}")), "frame 1 was handed to the old connection and may give way");
        assertEquals(List.of(2L, 3L, 4L), seqs(kept.after(0)));
        assertNotNull(kept.keep(frame("{}")), "frame 2 too");
        assertNull(kept.keep(frame("{}")), "only never-handed frames are left: the place cannot keep up");
    }

    @Test
    void whileDetachedAFrameOverTheByteLimitEndsThePlace() {
        KeptFrames kept = new KeptFrames(10, 100);
        kept.detach(0);
        assertNull(kept.keep(frame("{\"much\":\"too long\"}")));
    }

    @Test
    void afterAttachingTheOldestGiveWayAgain() {
        KeptFrames kept = new KeptFrames(1_000_000, 2);
        kept.detach(0);
        kept.keep(frame("{}"));
        kept.keep(frame("{}"));
        assertNull(kept.keep(frame("{}")));
        kept.attach();
        assertEquals(3, kept.keep(frame("{}")).seq(), "the refused frame took no number");
        assertEquals(List.of(2L, 3L), seqs(kept.after(0)));
    }
}
