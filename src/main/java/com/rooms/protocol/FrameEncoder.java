package com.rooms.protocol;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;

/**
 * Writes server frames as JSON through JSON-B. One instance serves the whole
 * application; a frame meant for several clients is encoded once and the same
 * text is queued to each of them.
 */
public final class FrameEncoder implements AutoCloseable {
    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES));

    public String encode(ServerFrame frame) {
        return jsonb.toJson(frame);
    }

    @Override
    public void close() throws Exception {
        jsonb.close();
    }
}
