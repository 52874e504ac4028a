package com.rooms.protocol;

import java.util.List;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The {@code data} of the frames the server writes itself. Property names go
 * on the wire in snake case ({@code clientId} is {@code client_id}).
 */
public sealed interface Payload {

    /**
     * @param resume       a fresh single-use resume token (PROTOCOL.md 3.3); absent when resume is off
     * @param resumeWindow seconds a dropped connection's place is kept (0: resume is off)
     * @param resumed      true only on the first {@code welcome} of a connection that took a place back
     */
    @JsonbPropertyOrder({"clientId", "userId", "username", "roomId", "role", "expiresAt", "protocol", "resume",
            "resumeWindow", "resumed"})
    record Welcome(String clientId, String userId, String username, String roomId, String role,
                   String expiresAt, int protocol, String resume, int resumeWindow, boolean resumed) implements Payload {
    }

    @JsonbPropertyOrder({"id", "userId", "username", "role", "status"})
    record ClientInfo(String id, String userId, String username, String role, ClientStatus status) implements Payload {
    }

    @JsonbPropertyOrder({"roomId", "name", "locked", "clients"})
    record RoomInfo(String roomId, String name, boolean locked, List<ClientInfo> clients) implements Payload {
    }

    /**
     * A client's own state as its user shows it (PROTOCOL.md 3.3): hand
     * raised, microphone, camera, screen share. A part the client never set
     * is left out; {@code {}} until it sets one.
     */
    @JsonbPropertyOrder({"hand", "audio", "video", "screen"})
    record ClientStatus(Boolean hand, Boolean audio, Boolean video, Boolean screen) implements Payload {
        public static final ClientStatus NONE = new ClientStatus(null, null, null, null);

        /** This status with each part that is not null replaced. */
        public ClientStatus merge(Boolean newHand, Boolean newAudio, Boolean newVideo, Boolean newScreen) {
            return new ClientStatus(newHand == null ? hand : newHand, newAudio == null ? audio : newAudio,
                    newVideo == null ? video : newVideo, newScreen == null ? screen : newScreen);
        }
    }

    /** {@code status} to the room: the client's whole status after a change. */
    @JsonbPropertyOrder({"id", "status"})
    record StatusChanged(String id, ClientStatus status) implements Payload {
    }

    /** {@code room-state}: whether the room is locked now. */
    record RoomState(boolean locked) implements Payload {
    }

    /** A chat message, as delivered live and as listed in history. */
    @JsonbPropertyOrder({"messageId", "from", "userId", "time", "text", "isPrivate", "to"})
    record Chat(long messageId, String from, String userId, String time, String text,
                @JsonbProperty("private") boolean isPrivate, String to) implements Payload {
    }

    @JsonbPropertyOrder({"messages", "more"})
    record History(List<Chat> messages, boolean more) implements Payload {
    }

    @JsonbPropertyOrder({"id", "userId", "username", "role", "status"})
    record Joined(String id, String userId, String username, String role, ClientStatus status) implements Payload {
    }

    @JsonbPropertyOrder({"id", "reason"})
    record Left(String id, String reason) implements Payload {
    }

    @JsonbPropertyOrder({"id", "username"})
    record ProfileChanged(String id, String username) implements Payload {
    }

    /** {@code role} (PROTOCOL.md 3.3): the role the user now acts with in the room. */
    @JsonbPropertyOrder({"userId", "role"})
    record RoleChanged(String userId, String role) implements Payload {
    }

    record Bye(String reason) implements Payload {
    }

    @JsonbPropertyOrder({"code", "message"})
    record Error(String code, String message) implements Payload {
    }

    /** One entry of {@code ice-servers}; username and credential only for TURN. */
    @JsonbPropertyOrder({"urls", "username", "credential"})
    record IceServer(List<String> urls, String username, String credential) implements Payload {
    }
}
