package com.rooms.protocol;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;

/**
 * Writes server frames as JSON. Frames whose data the server made go through
 * JSON-B; relayed frames (data a client sent, {@link RawJson}, or none) are
 * written directly, the client's data copied in unchanged: the relay path
 * neither builds nor serialises objects. One instance serves the whole
 * application; a frame meant for several clients is encoded once and the same
 * text is queued to each of them.
 */
public final class FrameEncoder implements AutoCloseable {
    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES));

    public String encode(ServerFrame frame) {
        if (frame.data() == null || frame.data() instanceof RawJson) {
            return envelope(frame);
        }
        return jsonb.toJson(frame);
    }

    private static String envelope(ServerFrame frame) {
        String data = frame.data() == null ? null : ((RawJson) frame.data()).text();
        StringBuilder out = new StringBuilder(96 + (data == null ? 0 : data.length()));
        out.append('{');
        field(out, "type", frame.type(), false);
        field(out, "id", frame.id(), true);
        field(out, "ref", frame.ref(), true);
        field(out, "sender", frame.sender(), true);
        field(out, "receiver", frame.receiver(), true);
        if (data != null) {
            out.append(",\"data\":").append(data);
        }
        return out.append('}').toString();
    }

    private static void field(StringBuilder out, String name, String value, boolean comma) {
        if (value == null) {
            return;
        }
        if (comma) {
            out.append(',');
        }
        out.append('"').append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !paired(value, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * A surrogate that is half of a pair. A lone one (a JSON escape in a
     * client's frame can make one) is written as an escape, as the client
     * sent it: raw, it has no UTF-8 form and the container would send
     * {@code ?} instead.
     */
    private static boolean paired(String value, int i) {
        char c = value.charAt(i);
        return Character.isHighSurrogate(c)
                ? i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }

    @Override
    public void close() throws Exception {
        jsonb.close();
    }
}
