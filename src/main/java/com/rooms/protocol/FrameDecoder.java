package com.rooms.protocol;

import java.io.StringReader;
import java.util.Map;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;

import com.rooms.membership.Names;

/**
 * Turns a client's text frame into a {@link ClientFrame}, or refuses it with
 * the precise reason (PROTOCOL.md sections 2 to 4). Nothing is guessed: a
 * field of the wrong JSON type is {@code invalid}, never converted.
 *
 * <pre>
 * {"id": "c-17", "receiver": "n1-4", "type": "offer", "data": {"type": "offer", "sdp": "v=0..."}}
 * {"type": "text", "data": {"text": "hello"}}
 * </pre>
 *
 * Decided where the protocol is silent (docs/decisions.md): a JSON
 * {@code null} counts as absent for every optional field; a receiver on a
 * request that only the server answers is {@code invalid}; usernames may not
 * be blank.
 */
public final class FrameDecoder {
    public static final int MAX_ID_LENGTH = 64;
    public static final int MAX_TEXT_LENGTH = 4_000;
    public static final int MAX_USERNAME_LENGTH = Names.MAX_DISPLAY_NAME_LENGTH;
    public static final int DEFAULT_HISTORY_LIMIT = 50;
    public static final int MAX_HISTORY_LIMIT = 200;
    /**
     * How deep the data of a request (not a relay) may nest, the data object
     * counting as one: requests take flat fields, and their data is built into
     * objects, which deep nesting must not be allowed to make expensive.
     */
    public static final int MAX_REQUEST_DEPTH = 32;

    private static final Set<String> RELAY_TYPES = Set.of("offer", "answer", "candidate", "greeting", "bye");
    private static final Set<String> SERVER_ONLY_TYPES =
            Set.of("welcome", "room-info", "ice-servers", "joined", "left", "history", "error", "room-state", "role");

    /**
     * Relayed data is limited by the frame's size only (PROTOCOL.md 3.2), not
     * by how deep it nests: the parser's own depth limit (1,000 by default)
     * is lifted past anything a frame of {@code MAX_FRAME_BYTES} can hold.
     * The parser keeps its nesting on the heap, and {@link #skipStructure}
     * counts it, so depth costs no stack.
     */
    private final JsonParserFactory parsers = Json.createParserFactory(
            Map.of("org.eclipse.parsson.maxDepth", Integer.MAX_VALUE));

    public ClientFrame decode(String text) {
        Envelope frame = scan(text);
        String id = frameId(frame);
        try {
            String type = type(frame);
            String receiver = frame.string("receiver", frame.receiver, frame.receiverWrong);
            if (receiver != null && receiver.isEmpty()) {
                receiver = null;
            }
            return new ClientFrame(id, receiver, command(type, receiver != null, frame.data, frame.dataDepth));
        } catch (FrameRejected rejected) {
            throw rejected.withRef(id);
        }
    }

    /**
     * The top-level fields of a frame, read in one pass of the streaming
     * parser (which checks the whole frame is JSON). {@code data} is kept as
     * the exact text the client sent, so a relayed payload is never built
     * into objects nor written again; a repeated key counts once, its last
     * value.
     */
    private static final class Envelope {
        String id;
        String type;
        String receiver;
        boolean idWrong;
        boolean typeWrong;
        boolean receiverWrong;
        RawJson data;
        int dataDepth;

        String string(String key, String value, boolean wrong) {
            if (wrong) {
                throw new FrameRejected(ErrorCode.INVALID, key + " must be a string");
            }
            return value;
        }
    }

    private Envelope scan(String text) {
        try (JsonParser parser = parsers.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new FrameRejected(ErrorCode.BAD_JSON, "frame is not a JSON object");
            }
            Envelope frame = new Envelope();
            for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
                String key = parser.getString();
                int afterKey = (int) parser.getLocation().getStreamOffset();
                JsonParser.Event value = parser.next();
                switch (key) {
                    case "id" -> {
                        frame.id = stringOrNull(parser, value);
                        frame.idWrong = isWrong(value);
                    }
                    case "type" -> {
                        frame.type = stringOrNull(parser, value);
                        frame.typeWrong = isWrong(value);
                    }
                    case "receiver" -> {
                        frame.receiver = stringOrNull(parser, value);
                        frame.receiverWrong = isWrong(value);
                    }
                    default -> { }
                }
                int depth = skipStructure(parser, value);
                if (key.equals("data")) {
                    frame.dataDepth = depth;
                    int end = (int) parser.getLocation().getStreamOffset();
                    frame.data = value == JsonParser.Event.VALUE_NULL ? null
                            : new RawJson(text.substring(valueStart(text, afterKey), end));
                }
            }
            if (parser.hasNext()) {
                throw new FrameRejected(ErrorCode.BAD_JSON, "frame has content after the JSON object");
            }
            return frame;
        } catch (FrameRejected rejected) {
            throw rejected;
        } catch (RuntimeException e) {
            throw new FrameRejected(ErrorCode.BAD_JSON, "frame is not valid JSON");
        }
    }

    private static String stringOrNull(JsonParser parser, JsonParser.Event value) {
        return value == JsonParser.Event.VALUE_STRING ? parser.getString() : null;
    }

    private static boolean isWrong(JsonParser.Event value) {
        return value != JsonParser.Event.VALUE_STRING && value != JsonParser.Event.VALUE_NULL;
    }

    /** Reads past an object or array, however deep; how deep it went (0 for a scalar). */
    private static int skipStructure(JsonParser parser, JsonParser.Event value) {
        if (value != JsonParser.Event.START_OBJECT && value != JsonParser.Event.START_ARRAY) {
            return 0;
        }
        int depth = 1;
        int deepest = 1;
        while (depth > 0) {
            switch (parser.next()) {
                case START_OBJECT, START_ARRAY -> deepest = Math.max(deepest, ++depth);
                case END_OBJECT, END_ARRAY -> depth--;
                default -> { }
            }
        }
        return deepest;
    }

    /** Where a value begins: past the whitespace and colon that follow its key. */
    private static int valueStart(String text, int afterKey) {
        int i = afterKey;
        while (isWhitespace(text.charAt(i))) {
            i++;
        }
        i++;
        while (isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static String frameId(Envelope frame) {
        String id = frame.string("id", frame.id, frame.idWrong);
        if (id != null && codePoints(id) > MAX_ID_LENGTH) {
            throw new FrameRejected(ErrorCode.INVALID, "id is longer than " + MAX_ID_LENGTH + " characters");
        }
        return id;
    }

    private static String type(Envelope frame) {
        if (frame.typeWrong) {
            throw new FrameRejected(ErrorCode.INVALID, "type must be a string");
        }
        if (frame.type == null) {
            throw new FrameRejected(ErrorCode.INVALID, "type is missing");
        }
        return frame.type;
    }

    private Command command(String type, boolean directed, RawJson raw, int depth) {
        if (RELAY_TYPES.contains(type)) {
            return new Command.Relay(type, raw);
        }
        switch (type) {
            case "ping":
                return directed ? new Command.Relay(type, raw) : new Command.Ping(raw);
            case "pong":
                if (!directed) {
                    throw new FrameRejected(ErrorCode.INVALID, "pong from a client needs a receiver");
                }
                return new Command.Relay(type, raw);
            case "mute":
                return new Command.Mute(raw, RequestData.muteKinds(raw == null ? null : read(type, raw)));
            default:
                break;
        }
        if (!type.equals("text") && !isRequest(type)) {
            throw unknown(type);
        }
        if (depth > MAX_REQUEST_DEPTH) {
            throw new FrameRejected(ErrorCode.INVALID,
                    "data of a " + type + " frame may nest at most " + MAX_REQUEST_DEPTH + " deep");
        }
        return request(type, directed, raw == null ? null : read(type, raw));
    }

    /**
     * The data of a request the server reads, as objects. Parsson refuses to
     * turn a number of more than 1,100 characters into a {@code BigDecimal}
     * (its {@code maxBigDecimalLength}); such a number is valid JSON, which
     * the scan accepted, but no field the server reads can hold it.
     */
    private JsonValue read(String type, RawJson raw) {
        try {
            return raw.parse(parsers);
        } catch (RuntimeException tooLarge) {
            throw new FrameRejected(ErrorCode.INVALID, "data of " + type + " holds a value too large to read");
        }
    }

    private Command request(String type, boolean directed, JsonValue data) {
        if (type.equals("text")) {
            return new Command.Text(RequestData.text(data));
        }
        if (directed) {
            if (SERVER_ONLY_TYPES.contains(type) || !isRequest(type)) {
                throw unknown(type);
            }
            throw new FrameRejected(ErrorCode.INVALID, type + " is answered by the server and takes no receiver");
        }
        return switch (type) {
            case "get-room-info" -> new Command.GetRoomInfo();
            case "get-ice-servers" -> new Command.GetIceServers();
            case "clear-chat" -> new Command.ClearChat();
            case "profile" -> new Command.Profile(RequestData.username(data));
            case "refresh" -> new Command.Refresh(RequestData.token(data));
            case "get-history" -> RequestData.getHistory(data);
            case "kick" -> RequestData.kick(data);
            case "status" -> RequestData.status(data);
            case "lock" -> new Command.Lock(true);
            case "unlock" -> new Command.Lock(false);
            case "set-role" -> RequestData.setRole(data);
            default -> throw unknown(type);
        };
    }

    private static boolean isRequest(String type) {
        return switch (type) {
            case "get-room-info", "get-ice-servers", "clear-chat", "profile", "refresh", "get-history", "kick",
                 "status", "lock", "unlock", "set-role" -> true;
            default -> false;
        };
    }

    private static FrameRejected unknown(String type) {
        String shown = type.length() > 40 ? type.substring(0, 40) + "..." : type;
        String why = SERVER_ONLY_TYPES.contains(type) ? " is sent only by the server" : " is not a known type";
        return new FrameRejected(ErrorCode.UNKNOWN_TYPE, "'" + shown + "'" + why);
    }

    static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }

    /**
     * A JSON escape of half a surrogate pair makes a string no UTF-8 can
     * carry: stored, it would reach every reader as {@code ?}. Strings the
     * server keeps or acts on (text, names, tokens, ids) are refused with it.
     */
    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
