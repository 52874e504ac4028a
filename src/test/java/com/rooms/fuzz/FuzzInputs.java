package com.rooms.fuzz;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Turns the fuzzer's bytes into the strings the parsers under test are given. */
final class FuzzInputs {
    private FuzzInputs() {
    }

    /**
     * Any Java string, lone surrogates included, from bytes that stay readable
     * in a corpus file: UTF-8 sequences (an encoded surrogate, {@code ED A0 80},
     * gives that lone surrogate), and any byte that starts no sequence stands
     * for the character of its value (so C1 controls occur too).
     */
    static String anyString(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int length = b < 0xC2 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : b <= 0xF4 ? 4 : 1;
            int cp = length == 1 ? -1 : sequence(bytes, i, length);
            if (cp < 0) {
                out.append((char) b);
                i++;
            } else {
                out.appendCodePoint(cp);
                i += length;
            }
        }
        return out.toString();
    }

    /** The code point of a whole, shortest-form sequence of {@code length} bytes at {@code start}, or -1. */
    private static int sequence(byte[] bytes, int start, int length) {
        if (start + length > bytes.length) {
            return -1;
        }
        int cp = bytes[start] & (0xFF >> (length + 1));
        for (int k = 1; k < length; k++) {
            int next = bytes[start + k] & 0xFF;
            if ((next & 0xC0) != 0x80) {
                return -1;
            }
            cp = (cp << 6) | (next & 0x3F);
        }
        int shortest = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
        return cp < shortest || cp > Character.MAX_CODE_POINT ? -1 : cp;
    }

    /** The text of a WebSocket text message as the container decodes it, or null when it is not UTF-8 (close 1007). */
    static String socketText(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }

    /** An HTTP header or query value: the container reads header bytes as ISO-8859-1. */
    static String headerValue(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** The input cut at its first {@code count - 1} line feeds; missing parts are null. */
    static List<byte[]> lines(byte[] bytes, int count) {
        List<byte[]> parts = new ArrayList<>(count);
        int start = 0;
        for (int i = 0; i < bytes.length && parts.size() < count - 1; i++) {
            if (bytes[i] == '\n') {
                parts.add(Arrays.copyOfRange(bytes, start, i));
                start = i + 1;
            }
        }
        parts.add(Arrays.copyOfRange(bytes, start, bytes.length));
        while (parts.size() < count) {
            parts.add(null);
        }
        return parts;
    }
}
