package com.rooms.storage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants as the database keeps them: JPA 3.1 maps {@code OffsetDateTime}, always in UTC here. */
public final class Times {
    private Times() {
    }

    public static OffsetDateTime column(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(OffsetDateTime column) {
        return column == null ? null : column.toInstant();
    }
}
