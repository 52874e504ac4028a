package com.rooms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.rooms.membership.Room;

/**
 * The web client keeps its own copy of the room-id rule (PROTOCOL.md 1), so
 * that the start page refuses a bad id before asking the server:
 * {@code ROOM_ID} in {@code js/protocol.js}, and the {@code pattern} of the
 * start page's room field. Both must accept exactly the ids
 * {@link Room#VALID_ID} accepts. The JavaScript text is read from the source
 * and compiled as a Java pattern; the rule uses nothing whose meaning differs
 * between the two dialects.
 */
class RoomIdRuleTest {
    private static final Path WEBAPP = Path.of("src/main/webapp");

    private static final List<String> ACCEPTED = List.of(
            "a", "0", "standup", "team_7-b", "-", "_", "2024-q3_review", "a".repeat(64));
    private static final List<String> REFUSED = List.of(
            "", "a".repeat(65), "Standup", "STANDUP", "room id", " standup", "standup\n", "\nstandup",
            "a/b", "a.b", "a%2Fb", "räume", "\u0430bc", "stand\u200bup", "a\u0000", "é");

    @Test
    void theClientsRoomIdIsTheServersPatternAnchored() throws IOException {
        String source = jsRoomId();
        assertTrue(source.startsWith("^") && source.endsWith("$"),
                "RegExp.test searches: without ^ and $ the rule would accept any text containing a valid id: " + source);
        assertEquals(Room.VALID_ID.pattern(), source.substring(1, source.length() - 1));
    }

    @Test
    void theClientsRoomIdAcceptsAndRefusesWhatTheServerDoes() throws IOException {
        sameVerdicts("js/protocol.js ROOM_ID", Pattern.compile(jsRoomId()));
    }

    @Test
    void theStartPagesFieldAcceptsAndRefusesWhatTheServerDoes() throws IOException {
        // The browser matches a pattern attribute against the whole value.
        sameVerdicts("index.html pattern", Pattern.compile(startPagePattern()));
    }

    private static void sameVerdicts(String copy, Pattern client) {
        for (String id : ACCEPTED) {
            assertTrue(Room.VALID_ID.matcher(id).matches(), "the server accepts " + printable(id));
            assertTrue(client.matcher(id).matches(), copy + " accepts " + printable(id));
        }
        for (String id : REFUSED) {
            assertFalse(Room.VALID_ID.matcher(id).matches(), "the server refuses " + printable(id));
            assertFalse(client.matcher(id).matches(), copy + " refuses " + printable(id));
        }
    }

    /** The source of {@code export const ROOM_ID = /.../;}, which must have no flags. */
    private static String jsRoomId() throws IOException {
        String js = Files.readString(WEBAPP.resolve("js/protocol.js"));
        Matcher literal = Pattern.compile("export const ROOM_ID = /((?:[^/\\\\\\n]|\\\\.)+)/(\\w*);").matcher(js);
        assertTrue(literal.find(), "js/protocol.js declares ROOM_ID as a regular expression literal");
        assertEquals("", literal.group(2), "ROOM_ID has no flags (i or m would change what it accepts)");
        return literal.group(1);
    }

    private static String startPagePattern() throws IOException {
        String html = Files.readString(WEBAPP.resolve("index.html"));
        Matcher field = Pattern.compile("<input id=\"room-id\"[^>]*\\spattern=\"([^\"]*)\"").matcher(html);
        assertTrue(field.find(), "index.html's room field has a pattern");
        return field.group(1);
    }

    private static String printable(String id) {
        StringBuilder shown = new StringBuilder("\"");
        id.codePoints().forEach(c -> shown.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : Character.toString(c)));
        return shown.append('"').toString();
    }
}
