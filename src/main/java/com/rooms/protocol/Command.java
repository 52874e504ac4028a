package com.rooms.protocol;

/** The typed content of a client frame, one record per thing a client may ask. */
public sealed interface Command {

    /** The wire type this command was decoded from. */
    String type();

    /** {@code ping} without a receiver: the server answers {@code pong}. */
    record Ping(RawJson data) implements Command {
        public String type() {
            return "ping";
        }
    }

    /**
     * A frame passed on to other clients without the server looking into its
     * data: {@code offer}, {@code answer}, {@code candidate}, {@code greeting},
     * {@code bye}, and {@code ping}/{@code pong} with a receiver.
     *
     * @param data the payload exactly as received, or null when the frame had none
     */
    record Relay(String type, RawJson data) implements Command {
    }

    /** A chat message; private when the frame has a receiver. */
    record Text(String text) implements Command {
        public String type() {
            return "text";
        }
    }

    record GetRoomInfo() implements Command {
        public String type() {
            return "get-room-info";
        }
    }

    record Profile(String username) implements Command {
        public String type() {
            return "profile";
        }
    }

    record GetIceServers() implements Command {
        public String type() {
            return "get-ice-servers";
        }
    }

    record Refresh(String token) implements Command {
        public String type() {
            return "refresh";
        }
    }

    /**
     * @param before only messages with a smaller id, or null for the newest
     * @param limit  1 to 200
     */
    record GetHistory(Long before, int limit) implements Command {
        public String type() {
            return "get-history";
        }
    }

    record ClearChat() implements Command {
        public String type() {
            return "clear-chat";
        }
    }

    /** Exactly one of the two targets is set. */
    record Kick(String clientId, String userId) implements Command {
        public String type() {
            return "kick";
        }
    }
}
