package com.rooms.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The fuzzer's hostile messages, drawn from one seeded {@link Random}: the
 * same seed gives the same sequence of mutations (the client ids written into
 * them are those of the run). Each message is one or more raw frames, written
 * in one or more pieces, and says how the connection should end up.
 *
 * <p>Most kinds spoil the JSON inside well-formed frames (a bad frame costs
 * the sender an {@code error}, PROTOCOL.md 4), or fragment and split
 * messages in ways RFC 6455 allows; a few break the WebSocket framing
 * itself, which the server must answer with a close; two leave a frame
 * unfinished and drop the connection.
 */
final class Mutator {
    /** What the connection should do after the message. */
    enum Ending {
        /** It stays open: the server answers with an {@code error} or handles the frame. */
        STAYS_OPEN,
        /** The server must close it (1002, 1003, 1007, 1009, or its answer to a close). */
        SERVER_CLOSES,
        /** The server may close it, or wait for bytes that never come; the fuzzer drops it after a while. */
        SERVER_MAY_CLOSE,
        /** The fuzzer drops the TCP connection at once, in the middle of a frame or a message. */
        FUZZER_DROPS
    }

    record Message(String kind, List<byte[]> writes, int frames, Ending ending) {
    }

    private record Kind(String name, int weight, Ending ending) {
    }

    /** Weights per thousand messages. */
    private static final List<Kind> KINDS = List.of(
            new Kind("specimen", 120, Ending.STAYS_OPEN),
            new Kind("bit-flip", 100, Ending.STAYS_OPEN),
            new Kind("truncated-json", 80, Ending.STAYS_OPEN),
            new Kind("deep-nesting", 60, Ending.STAYS_OPEN),
            new Kind("huge-number", 60, Ending.STAYS_OPEN),
            new Kind("odd-unicode", 90, Ending.STAYS_OPEN),
            new Kind("wrong-type", 80, Ending.STAYS_OPEN),
            new Kind("not-an-object", 40, Ending.STAYS_OPEN),
            new Kind("unknown-type", 40, Ending.STAYS_OPEN),
            new Kind("duplicate-keys", 30, Ending.STAYS_OPEN),
            new Kind("fragmented", 115, Ending.STAYS_OPEN),
            new Kind("tcp-split", 50, Ending.STAYS_OPEN),
            new Kind("ping", 67, Ending.STAYS_OPEN),
            new Kind("pong", 20, Ending.STAYS_OPEN),
            new Kind("binary", 6, Ending.SERVER_CLOSES),
            new Kind("reserved-opcode", 3, Ending.SERVER_CLOSES),
            new Kind("rsv-bits", 3, Ending.SERVER_CLOSES),
            new Kind("unmasked", 3, Ending.SERVER_CLOSES),
            new Kind("invalid-utf8", 6, Ending.SERVER_CLOSES),
            new Kind("oversized", 2, Ending.SERVER_CLOSES),
            new Kind("long-control", 2, Ending.SERVER_CLOSES),
            new Kind("fragmented-control", 2, Ending.SERVER_CLOSES),
            new Kind("orphan-continuation", 2, Ending.SERVER_CLOSES),
            new Kind("text-inside-message", 2, Ending.SERVER_CLOSES),
            new Kind("close-frame", 2, Ending.SERVER_CLOSES),
            new Kind("bad-close-frame", 1, Ending.SERVER_MAY_CLOSE),
            new Kind("huge-length", 1, Ending.SERVER_MAY_CLOSE),
            new Kind("split-character", 5, Ending.SERVER_MAY_CLOSE),
            new Kind("header-flip", 3, Ending.SERVER_MAY_CLOSE),
            new Kind("truncated-frame", 3, Ending.FUZZER_DROPS),
            new Kind("abandoned-message", 2, Ending.FUZZER_DROPS));
    private static final int TOTAL_WEIGHT = KINDS.stream().mapToInt(Kind::weight).sum();
    /** The JSON-level kinds, which the fragmenting kinds wrap. */
    private static final List<String> SPOILERS = List.of("specimen", "bit-flip", "truncated-json", "deep-nesting",
            "huge-number", "odd-unicode", "wrong-type", "not-an-object", "unknown-type", "duplicate-keys");

    private static final String[] ODD_STRINGS = {
        "\\ud800", "\\udfff", "x\\ud83dy", "\\ud83d\\ude00", "\\u0000", "\\u001f", "\\u007f",
        "\u202e\u0645\u0631\u062d\u0628\u0627", "\u200b", "\ufeff", "\uffff", "\ufffe", "\udbff\udfff", "\ue000",
        "\u0410lice", "\u00a0", "e\u0301\u0301\u0301", "\ud83d\udc69\u200d\ud83d\udcbb", "\u4f60\u597d",
        "\\\\", "\\\"", "\\/", "\\b\\f\\n\\r\\t", "\r\n", "\t", "\u0085", "\u2028\u2029", "\\u00e9", "\u00e9"
    };
    private static final String[] HUGE_NUMBERS = {
        "1e999999999", "-1e-999999999", "9223372036854775808", "-9223372036854775809", "1.5", "-0", "0.0",
        "1E+2", "00012", "NaN", "Infinity", "-", "1e", ".5", "0x10", "+1", "1e309", "4.9e-325", "2147483648"
    };
    private static final String[] NOT_OBJECTS = {
        "", " ", "null", "[]", "42", "\"text\"", "true", "{}", "{\"type\":\"text\"}{}", "{\"type\":\"ping\"} x",
        "{", "}", "{\"type\":\"ping\",}", "{'type':'ping'}", "{\"type\":\"ping\"}\\u0000", "[{\"type\":\"ping\"}]",
        "{\"type\":\"ping\"", "{type:ping}", "\"\\ud800\"", "{\"type\":\"ping\",\"data\":}"
    };
    private static final String[] SERVER_TYPES = {
        "welcome", "error", "room-info", "history", "joined", "left", "ice-servers", "TEXT", "text ", "", "Ping",
        "role", "get_history", "offer\\u0000", "\u043effer"
    };
    /** Valid codes, none the server itself sends, so that its echo is told apart from its own closes. */
    private static final int[] CLOSE_CODES = {1000, 1001, 3000, 3999, 4000, 4999};
    /** Codes a close frame may not carry (RFC 6455 7.4). */
    private static final int[] BAD_CLOSE_CODES = {0, 999, 1004, 1005, 1006, 1015, 2000, 5000, 65535};
    private static final byte[][] INVALID_UTF8 = {
        {(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xF5}, {(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xE2, (byte) 0x82}
    };

    private final Random random;
    private final Specimens specimens;

    Mutator(long seed) {
        this.random = new Random(seed);
        this.specimens = new Specimens(random);
    }

    /** The next hostile message; {@code ids} are client ids it may address. */
    Message next(List<String> ids) {
        int pick = random.nextInt(TOTAL_WEIGHT);
        for (Kind kind : KINDS) {
            pick -= kind.weight;
            if (pick < 0) {
                return build(kind, ids);
            }
        }
        throw new IllegalStateException();
    }

    private Message build(Kind kind, List<String> ids) {
        List<byte[]> frames = new ArrayList<>();
        switch (kind.name) {
            case "fragmented" -> fragments(frames, spoiled(SPOILERS.get(random.nextInt(SPOILERS.size())), ids), false);
            case "split-character" -> splitCharacter(frames);
            case "tcp-split" -> {
                byte[] frame = text(spoiled(SPOILERS.get(random.nextInt(SPOILERS.size())), ids));
                return new Message(kind.name, pieces(frame), 1, kind.ending);
            }
            case "ping" -> frames.add(RawFrame.of(RawFrame.PING, randomBytes(random.nextInt(126))).bytes(random));
            case "pong" -> frames.add(RawFrame.of(RawFrame.PONG, randomBytes(random.nextInt(126))).bytes(random));
            case "binary" -> {
                boolean split = random.nextBoolean();
                frames.add(RawFrame.of(RawFrame.BINARY, randomBytes(random.nextInt(200))).fin(!split).bytes(random));
                if (split) {
                    frames.add(RawFrame.of(RawFrame.CONTINUATION, randomBytes(random.nextInt(200))).bytes(random));
                }
            }
            case "reserved-opcode" -> {
                int[] reserved = {3, 4, 5, 6, 7, 0xB, 0xC, 0xD, 0xE, 0xF};
                frames.add(RawFrame.of(reserved[random.nextInt(reserved.length)], randomBytes(random.nextInt(50)))
                        .bytes(random));
            }
            case "rsv-bits" -> frames.add(RawFrame.of(RawFrame.TEXT, utf8(specimens.any(ids)))
                    .rsv(1 + random.nextInt(7)).bytes(random));
            case "unmasked" -> frames.add(RawFrame.of(RawFrame.TEXT, utf8(specimens.any(ids))).unmasked().bytes(random));
            case "invalid-utf8" -> {
                byte[] json = utf8(specimens.any(ids));
                byte[] bad = INVALID_UTF8[random.nextInt(INVALID_UTF8.length)];
                int at = random.nextInt(json.length + 1);
                byte[] spoiled = new byte[json.length + bad.length];
                System.arraycopy(json, 0, spoiled, 0, at);
                System.arraycopy(bad, 0, spoiled, at, bad.length);
                System.arraycopy(json, at, spoiled, at + bad.length, json.length - at);
                if (random.nextBoolean()) {
                    frames.add(RawFrame.of(RawFrame.TEXT, spoiled).bytes(random));
                } else {
                    fragments(frames, spoiled, true);
                }
            }
            case "oversized" -> {
                int size = 65_537 + random.nextInt(8_000);
                byte[] json = utf8("{\"type\":\"text\",\"data\":{\"text\":\"" + "a".repeat(size) + "\"}}");
                if (random.nextBoolean()) {
                    frames.add(RawFrame.of(RawFrame.TEXT, json).bytes(random));
                } else {
                    fragments(frames, json, true);
                }
            }
            case "long-control" -> frames.add(RawFrame.of(RawFrame.PING, randomBytes(126 + random.nextInt(200)))
                    .bytes(random));
            case "fragmented-control" -> frames.add(RawFrame.of(RawFrame.PING, randomBytes(random.nextInt(20)))
                    .fin(false).bytes(random));
            case "orphan-continuation" -> frames.add(RawFrame.of(RawFrame.CONTINUATION, utf8(specimens.any(ids)))
                    .fin(random.nextBoolean()).bytes(random));
            case "text-inside-message" -> {
                byte[] json = utf8(specimens.any(ids));
                int cut = random.nextInt(json.length);
                frames.add(RawFrame.of(RawFrame.TEXT, Arrays.copyOfRange(json, 0, cut)).fin(false).bytes(random));
                frames.add(RawFrame.of(RawFrame.TEXT, json).bytes(random));
            }
            case "close-frame" -> frames.add(RawFrame.of(RawFrame.CLOSE, closeBody()).bytes(random));
            case "bad-close-frame" -> frames.add(RawFrame.of(RawFrame.CLOSE, badCloseBody()).bytes(random));
            case "huge-length" -> {
                long[] lengths = {65_537, 1 << 20, 1L << 32, 1L << 62, Long.MAX_VALUE, -1};
                frames.add(RawFrame.of(RawFrame.TEXT, utf8("{\"type\":"))
                        .declaring(lengths[random.nextInt(lengths.length)]).bytes(random));
            }
            case "header-flip" -> {
                byte[] frame = text(utf8(specimens.any(ids)));
                int flips = 1 + random.nextInt(3);
                for (int i = 0; i < flips; i++) {
                    frame[random.nextInt(2)] ^= (byte) (1 << random.nextInt(8));
                }
                frames.add(frame);
            }
            case "truncated-frame" -> {
                byte[] frame = text(utf8(specimens.any(ids)));
                frames.add(Arrays.copyOfRange(frame, 0, 1 + random.nextInt(frame.length - 1)));
            }
            case "abandoned-message" -> {
                byte[] json = utf8(specimens.any(ids));
                int cut = 1 + random.nextInt(json.length - 1);
                frames.add(RawFrame.of(RawFrame.TEXT, Arrays.copyOfRange(json, 0, cut)).fin(false).bytes(random));
            }
            default -> frames.add(text(spoiled(kind.name, ids)));
        }
        return new Message(kind.name, frames, frames.size(), kind.ending);
    }

    /** A JSON-level hostile message: a specimen, or a specimen spoiled in the named way. */
    private byte[] spoiled(String kind, List<String> ids) {
        return switch (kind) {
            case "specimen" -> utf8(specimens.any(ids));
            case "bit-flip" -> {
                byte[] json = utf8(specimens.any(ids));
                int flips = 1 + random.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    int at = random.nextInt(json.length);
                    if (json[at] >= 0) {
                        json[at] ^= (byte) (1 << random.nextInt(7));
                    }
                }
                yield json;
            }
            case "truncated-json" -> {
                byte[] json = utf8(specimens.any(ids));
                yield Arrays.copyOfRange(json, 0, random.nextInt(json.length));
            }
            case "deep-nesting" -> utf8(deepNesting());
            case "huge-number" -> utf8(hugeNumber());
            case "odd-unicode" -> utf8(oddUnicode(ids));
            case "wrong-type" -> utf8(wrongType(ids));
            case "not-an-object" -> utf8(NOT_OBJECTS[random.nextInt(NOT_OBJECTS.length)]);
            case "unknown-type" -> utf8(unknownType());
            case "duplicate-keys" -> utf8(duplicateKeys(ids));
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private String deepNesting() {
        int[] depths = {2 + random.nextInt(97), 99, 100, 101, 1000, 5000, 10_000};
        int depth = depths[random.nextInt(depths.length)];
        boolean arrays = random.nextBoolean();
        String nested = arrays ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        return switch (random.nextInt(5)) {
            case 0 -> "{\"type\":\"ping\",\"data\":" + nested + "}";
            case 1 -> "{\"type\":\"greeting\",\"data\":" + nested + "}";
            case 2 -> "{\"type\":\"text\",\"data\":{\"text\":" + nested + "}}";
            case 3 -> "{\"type\":\"get-room-info\",\"extra\":" + nested + "}";
            default -> nested;
        };
    }

    private String hugeNumber() {
        String number = switch (random.nextInt(4)) {
            case 0 -> "9".repeat(400);
            case 1 -> "1" + "0".repeat(20_000);
            case 2 -> "0." + "0".repeat(5_000) + "1e-99999";
            default -> HUGE_NUMBERS[random.nextInt(HUGE_NUMBERS.length)];
        };
        return switch (random.nextInt(7)) {
            case 0 -> "{\"type\":\"get-history\",\"data\":{\"before\":" + number + "}}";
            case 1 -> "{\"type\":\"get-history\",\"data\":{\"limit\":" + number + "}}";
            case 2 -> "{\"type\":\"candidate\",\"data\":{\"candidate\":\"c\",\"sdpMid\":\"0\",\"sdpMLineIndex\":" + number + "}}";
            case 3 -> "{\"type\":\"ping\",\"data\":" + number + "}";
            case 4 -> "{\"id\":" + number + ",\"type\":\"ping\"}";
            case 5 -> "{\"type\":\"text\",\"data\":{\"text\":" + number + "}}";
            default -> "{\"type\":\"kick\",\"data\":{\"id\":" + number + "}}";
        };
    }

    private String oddUnicode(List<String> ids) {
        StringBuilder odd = new StringBuilder();
        int pieces = 1 + random.nextInt(4);
        for (int i = 0; i < pieces; i++) {
            odd.append(ODD_STRINGS[random.nextInt(ODD_STRINGS.length)]);
        }
        if (random.nextInt(10) == 0) {
            odd.append("e\u0301".repeat(1 + random.nextInt(3000)));
        }
        String s = odd.toString();
        return switch (random.nextInt(8)) {
            case 0 -> "{\"type\":\"text\",\"data\":{\"text\":\"" + s + "\"}}";
            case 1 -> "{\"type\":\"profile\",\"data\":{\"username\":\"" + s + "\"}}";
            case 2 -> "{\"id\":\"" + s + "\",\"type\":\"ping\"}";
            case 3 -> "{\"type\":\"offer\",\"receiver\":\"" + s + "\",\"data\":\"sdp\"}";
            case 4 -> "{\"type\":\"" + s + "\"}";
            case 5 -> "{\"type\":\"greeting\",\"data\":{\"" + s + "\":\"" + s + "\"}}";
            case 6 -> "\ufeff" + specimens.any(ids);
            default -> "{\"type\":\"kick\",\"data\":{\"user_id\":\"" + s + "\"}}";
        };
    }

    private String wrongType(List<String> ids) {
        String receiver = ids.isEmpty() ? "nobody" : ids.get(random.nextInt(ids.size()));
        String[] frames = {
            "{\"type\":5}", "{\"type\":null}", "{\"type\":[\"text\"]}", "{\"type\":{}}",
            "{\"type\":\"text\",\"data\":\"hello\"}", "{\"type\":\"text\",\"data\":{\"text\":5}}",
            "{\"type\":\"text\",\"data\":{\"text\":null}}", "{\"type\":\"text\",\"data\":[]}",
            "{\"type\":\"text\",\"data\":{\"text\":\"\"}}", "{\"type\":\"text\",\"data\":{\"text\":\"   \"}}",
            "{\"type\":\"text\",\"data\":{\"text\":\"" + "x".repeat(4001) + "\"}}",
            "{\"type\":\"text\",\"id\":5,\"data\":{\"text\":\"a\"}}",
            "{\"type\":\"text\",\"id\":\"" + "i".repeat(65) + "\",\"data\":{\"text\":\"a\"}}",
            "{\"type\":\"text\",\"receiver\":{},\"data\":{\"text\":\"a\"}}",
            "{\"type\":\"profile\",\"data\":{\"username\":true}}",
            "{\"type\":\"profile\",\"data\":{\"username\":\"" + "n".repeat(65) + "\"}}",
            "{\"type\":\"profile\",\"data\":{\"username\":\"   \"}}",
            "{\"type\":\"profile\",\"data\":{}}",
            "{\"type\":\"get-history\",\"data\":{\"limit\":\"50\"}}",
            "{\"type\":\"get-history\",\"data\":{\"limit\":0}}",
            "{\"type\":\"get-history\",\"data\":{\"limit\":201}}",
            "{\"type\":\"get-history\",\"data\":{\"limit\":2.0}}",
            "{\"type\":\"get-history\",\"data\":{\"before\":{}}}",
            "{\"type\":\"get-history\",\"data\":{\"before\":-1}}",
            "{\"type\":\"get-history\",\"data\":7}",
            "{\"type\":\"kick\",\"data\":{\"id\":1}}", "{\"type\":\"kick\",\"data\":{\"id\":\"x\",\"user_id\":\"y\"}}",
            "{\"type\":\"kick\",\"data\":{}}", "{\"type\":\"kick\"}", "{\"type\":\"kick\",\"data\":{\"user_id\":\"" + receiver + "\"}}",
            "{\"type\":\"refresh\",\"data\":{\"token\":7}}", "{\"type\":\"refresh\"}",
            "{\"type\":\"offer\",\"receiver\":7,\"data\":\"x\"}", "{\"type\":\"pong\"}", "{\"type\":\"pong\",\"data\":1}",
            "{\"type\":\"get-room-info\",\"receiver\":\"" + receiver + "\"}",
            "{\"type\":\"clear-chat\",\"receiver\":\"" + receiver + "\"}",
            "{\"type\":\"welcome\",\"receiver\":\"" + receiver + "\"}",
            "{\"type\":\"offer\",\"receiver\":\"no-such-client\",\"data\":\"x\"}",
            "{\"type\":\"candidate\",\"receiver\":\"\",\"data\":{}}",
            "{\"type\":\"ping\",\"receiver\":null,\"data\":null,\"id\":null}",
        };
        return frames[random.nextInt(frames.length)];
    }

    private String unknownType() {
        if (random.nextInt(4) == 0) {
            return "{\"type\":\"" + "t".repeat(1 + random.nextInt(2000)) + "\",\"data\":{}}";
        }
        return "{\"type\":\"" + SERVER_TYPES[random.nextInt(SERVER_TYPES.length)] + "\",\"data\":{\"client_id\":\"x\"}}";
    }

    private String duplicateKeys(List<String> ids) {
        String receiver = ids.isEmpty() ? "nobody" : ids.get(random.nextInt(ids.size()));
        String[] frames = {
            "{\"type\":\"ping\",\"type\":\"kick\",\"data\":{\"id\":\"" + receiver + "\"}}",
            "{\"type\":\"text\",\"data\":{\"text\":\"a\"},\"data\":{\"text\":5}}",
            "{\"type\":\"offer\",\"receiver\":\"" + receiver + "\",\"receiver\":\"nobody\",\"data\":\"x\"}",
            "{\"type\":\"text\",\"data\":{\"text\":\"a\",\"text\":\"b\"}}",
            "{\"id\":\"a\",\"id\":\"" + "b".repeat(100) + "\",\"type\":\"ping\"}",
            "{\"type\":\"greeting\",\"sender\":\"server\",\"ref\":\"x\",\"from\":\"Alice\",\"data\":1}",
        };
        return frames[random.nextInt(frames.length)];
    }

    /**
     * A message in 2 to 8 fragments, WebSocket pings or pongs between some;
     * cut between characters, or at any byte when {@code anywhere}.
     */
    private void fragments(List<byte[]> frames, byte[] message, boolean anywhere) {
        int count = 2 + random.nextInt(7);
        int[] cuts = new int[count + 1];
        cuts[count] = message.length;
        for (int i = 1; i < count; i++) {
            int cut = random.nextInt(message.length + 1);
            while (!anywhere && cut < message.length && (message[cut] & 0xC0) == 0x80) {
                cut++;
            }
            cuts[i] = cut;
        }
        Arrays.sort(cuts, 1, count);
        for (int i = 0; i < count; i++) {
            byte[] piece = Arrays.copyOfRange(message, cuts[i], cuts[i + 1]);
            frames.add(RawFrame.of(i == 0 ? RawFrame.TEXT : RawFrame.CONTINUATION, piece).fin(i == count - 1)
                    .bytes(random));
            if (i < count - 1 && random.nextInt(3) == 0) {
                frames.add(RawFrame.of(random.nextInt(4) == 0 ? RawFrame.PONG : RawFrame.PING,
                        randomBytes(random.nextInt(126))).bytes(random));
            }
        }
    }

    /**
     * A valid message in two fragments cut inside a character of two to four
     * UTF-8 bytes: RFC 6455 allows it (only the whole message must be UTF-8).
     */
    private void splitCharacter(List<byte[]> frames) {
        String[] characters = {"\u00e9", "\u4f60", "\ud83d\ude00", "\u0645"};
        String character = characters[random.nextInt(characters.length)];
        byte[] json = utf8("{\"type\":\"ping\",\"data\":\"" + character + "\"}");
        int start = "{\"type\":\"ping\",\"data\":\"".length();
        int cut = start + 1 + random.nextInt(utf8(character).length - 1);
        frames.add(RawFrame.of(RawFrame.TEXT, Arrays.copyOfRange(json, 0, cut)).fin(false).bytes(random));
        frames.add(RawFrame.of(RawFrame.CONTINUATION, Arrays.copyOfRange(json, cut, json.length)).bytes(random));
    }

    /** A frame's bytes in 2 to 6 writes, cut anywhere, the header included. */
    private List<byte[]> pieces(byte[] frame) {
        int count = Math.min(frame.length, 2 + random.nextInt(5));
        int[] cuts = new int[count + 1];
        cuts[count] = frame.length;
        for (int i = 1; i < count; i++) {
            cuts[i] = 1 + random.nextInt(frame.length - 1);
        }
        Arrays.sort(cuts, 1, count);
        List<byte[]> writes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (cuts[i + 1] > cuts[i]) {
                writes.add(Arrays.copyOfRange(frame, cuts[i], cuts[i + 1]));
            }
        }
        return writes;
    }

    /** Empty, or a valid code with a short reason. */
    private byte[] closeBody() {
        if (random.nextInt(4) == 0) {
            return new byte[0];
        }
        return closeBody(CLOSE_CODES[random.nextInt(CLOSE_CODES.length)], utf8("fuzz".repeat(random.nextInt(30))));
    }

    /** One byte, a code no close may carry, or a reason that is not UTF-8. */
    private byte[] badCloseBody() {
        return switch (random.nextInt(3)) {
            case 0 -> new byte[] {(byte) random.nextInt(256)};
            case 1 -> closeBody(BAD_CLOSE_CODES[random.nextInt(BAD_CLOSE_CODES.length)], utf8("fuzz"));
            default -> closeBody(CLOSE_CODES[random.nextInt(CLOSE_CODES.length)],
                    INVALID_UTF8[random.nextInt(INVALID_UTF8.length)]);
        };
    }

    private static byte[] closeBody(int code, byte[] reason) {
        byte[] body = new byte[2 + reason.length];
        body[0] = (byte) (code >>> 8);
        body[1] = (byte) code;
        System.arraycopy(reason, 0, body, 2, reason.length);
        return body;
    }

    private byte[] text(byte[] payload) {
        return RawFrame.of(RawFrame.TEXT, payload).bytes(random);
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
