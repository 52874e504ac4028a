package com.rooms.protocol;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One frame as the server writes it (PROTOCOL.md section 2). Null fields are
 * left out of the JSON.
 *
 * @param type     the wire type
 * @param id       the client's frame id, kept on relayed frames
 * @param ref      the id of the client frame this answers, on frames that go
 *                 back to that client only
 * @param sender   the client id whose frame caused this one, or {@code "server"}
 * @param receiver the one client this copy was written for; absent on a frame
 *                 written once for several clients
 * @param data     the payload: a {@link Payload} record, a list of them, or a
 *                 relayed JSON value
 */
@JsonbPropertyOrder({"type", "id", "ref", "sender", "receiver", "data"})
public record ServerFrame(String type, String id, String ref, String sender, String receiver, Object data) {

    public static final String SERVER = "server";

    /** A frame from the server itself to one client. */
    public static ServerFrame toClient(String type, String receiver, String ref, Object data) {
        return new ServerFrame(type, null, ref, SERVER, receiver, data);
    }

    /** A frame from the server itself to several clients. */
    public static ServerFrame toRoom(String type, Object data) {
        return new ServerFrame(type, null, null, SERVER, null, data);
    }

    public static ServerFrame error(String receiver, String ref, ErrorCode code, String message) {
        return toClient("error", receiver, ref, new Payload.Error(code.wire(), message));
    }
}
