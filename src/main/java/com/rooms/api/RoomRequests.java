package com.rooms.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/**
 * The bodies of {@code POST} and {@code PATCH /api/rooms} as the API's
 * description shows them (PROTOCOL.md 7). The resources read the body
 * strictly themselves ({@link JsonBody}); these types only describe it.
 */
final class RoomRequests {
    private RoomRequests() {
    }

    @Schema(name = "NewRoom", description = "A room to create; only id is required", properties = {
        @SchemaProperty(name = "id", type = SchemaType.STRING, pattern = "[a-z0-9_-]{1,64}"),
        @SchemaProperty(name = "name", type = SchemaType.STRING, description = "defaults to the id"),
        @SchemaProperty(name = "visibility", type = SchemaType.STRING, enumeration = {"public", "private"}),
        @SchemaProperty(name = "history", type = SchemaType.STRING, enumeration = {"shared", "since-join", "none"}),
        @SchemaProperty(name = "locked", type = SchemaType.BOOLEAN,
                description = "only the room's moderators and owners may join while it is locked"),
        @SchemaProperty(name = "max_clients", type = SchemaType.INTEGER, minimum = "1", maximum = "10000",
                nullable = true, description = "the most connections at once; null for no limit")
    }, requiredProperties = "id")
    static final class NewRoom {
    }

    @Schema(name = "RoomChange", description = "Any subset of a room's settings", properties = {
        @SchemaProperty(name = "name", type = SchemaType.STRING),
        @SchemaProperty(name = "visibility", type = SchemaType.STRING, enumeration = {"public", "private"}),
        @SchemaProperty(name = "history", type = SchemaType.STRING, enumeration = {"shared", "since-join", "none"}),
        @SchemaProperty(name = "locked", type = SchemaType.BOOLEAN,
                description = "a change is announced to the room with room-state"),
        @SchemaProperty(name = "max_clients", type = SchemaType.INTEGER, minimum = "1", maximum = "10000",
                nullable = true, description = "null removes the limit")
    })
    static final class RoomChange {
    }
}
