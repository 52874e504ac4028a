package com.rooms.protocol;

import java.io.StringReader;

import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;

/**
 * A JSON value exactly as a client wrote it (already checked to be JSON by
 * {@link FrameDecoder}): relayed {@code data} travels as this text and is
 * written out unchanged, never built into objects.
 */
public record RawJson(String text) {

    /** The value as JSON-P objects, for the few frames whose data the server reads. */
    JsonValue parse(JsonParserFactory parsers) {
        try (JsonParser parser = parsers.createParser(new StringReader(text))) {
            parser.next();
            return parser.getValue();
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
