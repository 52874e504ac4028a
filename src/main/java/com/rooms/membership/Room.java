package com.rooms.membership;

import java.time.Instant;

/** A room's settings, as its administrators made it. */
public record Room(String id, String name, Visibility visibility, HistorySetting history, String createdBy,
                   Instant createdAt) {
}
