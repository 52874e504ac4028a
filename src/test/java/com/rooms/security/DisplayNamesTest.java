package com.rooms.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class DisplayNamesTest {

    @Test
    void namesAreKeptInNfkcFormWithoutSurroundingSpaces() {
        assertEquals("Alice", DisplayNames.normalise("  \uFF21lice "));
        assertEquals("fi", DisplayNames.normalise("\uFB01"));
    }

    @Test
    void invisibleAndBidiControlCharactersAreRefused() {
        for (String hostile : new String[] {"Alice\u200B", "Al\u200Dice", "\u202EecilA", "Alice\u2066", "\uFEFFAlice",
                "Ali\u00ADce", "Alice\u2060"}) {
            assertThrows(DisplayNames.Refused.class, () -> DisplayNames.normalise(hostile), hostile);
        }
    }

    @Test
    void aBlankNameIsRefused() {
        assertThrows(DisplayNames.Refused.class, () -> DisplayNames.normalise("\u3000 "));
    }

    @Test
    void lookAlikesOfAnotherNameAreFound() {
        List<String> room = List.of("Alice", "Bob");
        assertTrue(DisplayNames.looksLikeAny("\u0410lice", room), "Cyrillic A");
        assertTrue(DisplayNames.looksLikeAny("ALICE", room));
        assertTrue(DisplayNames.looksLikeAny("B\u043Eb", room), "Cyrillic o");
        assertTrue(DisplayNames.looksLikeAny("\uFF21lice", room), "full-width A");
        assertFalse(DisplayNames.looksLikeAny("Alicia", room));
        assertFalse(DisplayNames.looksLikeAny("Carol", room));
    }
}
