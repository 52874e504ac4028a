package com.rooms.protocol;

import java.util.List;

/** The typed content of a client frame, one record per thing a client may ask. */
public sealed interface Command {

    /** The wire type this command was decoded from. */
    String type();

    /** Calls the handler's method for this kind of command. */
    <C> void dispatch(Handler<C> handler, C context);

    /**
     * One method per kind of command, so that a new command does not compile
     * until every handler says what it does with it.
     *
     * @param <C> what the handler needs to know besides the command (who sent it, for instance)
     */
    interface Handler<C> {
        void ping(Ping ping, C context);

        void relay(Relay relay, C context);

        void text(Text text, C context);

        void getRoomInfo(GetRoomInfo get, C context);

        void profile(Profile profile, C context);

        void getIceServers(GetIceServers get, C context);

        void refresh(Refresh refresh, C context);

        void getHistory(GetHistory get, C context);

        void clearChat(ClearChat clear, C context);

        void kick(Kick kick, C context);

        void status(Status status, C context);

        void lock(Lock lock, C context);

        void setRole(SetRole setRole, C context);

        void mute(Mute mute, C context);
    }

    /** {@code ping} without a receiver: the server answers {@code pong}. */
    record Ping(RawJson data) implements Command {
        public <C> void dispatch(Handler<C> handler, C context) {
            handler.ping(this, context);
        }

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
        public <C> void dispatch(Handler<C> handler, C context) {
            handler.relay(this, context);
        }
    }

    /** A chat message; private when the frame has a receiver. */
    record Text(String text) implements Command {
        public <C> void dispatch(Handler<C> handler, C context) {
            handler.text(this, context);
        }

        public String type() {
            return "text";
        }
    }

    record GetRoomInfo() implements Command {
        public <C> void dispatch(Handler<C> handler, C context) {
            handler.getRoomInfo(this, context);
        }

        public String type() {
            return "get-room-info";
        }
    }

    record Profile(String username) implements Command {
        public <C> void dispatch(Handler<C> handler, C context) {
            handler.profile(this, context);
        }

        public String type() {
            return "profile";
        }
    }

    record GetIceServers() implements Command {
        public <C> void dispatch(Handler<C> handler, C context) {
            handler.getIceServers(this, context);
        }

        public String type() {
            return "get-ice-servers";
        }
    }

    record Refresh(String token) implements Command {
        public <C> void dispatch(Handler<C> handler, C context) {
            handler.refresh(this, context);
        }

        public String type() {
            return "refresh";
        }
    }

    /**
     * @param before only messages with a smaller id, or null for the newest
     * @param after  only messages with a greater id, the oldest of them (catching up); never with {@code before}
     * @param limit  1 to 200
     */
    record GetHistory(Long before, Long after, int limit) implements Command {
        public <C> void dispatch(Handler<C> handler, C context) {
            handler.getHistory(this, context);
        }

        public String type() {
            return "get-history";
        }
    }

    record ClearChat() implements Command {
        public <C> void dispatch(Handler<C> handler, C context) {
            handler.clearChat(this, context);
        }

        public String type() {
            return "clear-chat";
        }
    }

    /** Exactly one of the two targets is set. */
    record Kick(String clientId, String userId) implements Command {
        public <C> void dispatch(Handler<C> handler, C context) {
            handler.kick(this, context);
        }

        public String type() {
            return "kick";
        }
    }

    /**
     * {@code status}: the parts of the client's state it set, each null when
     * the frame left it out (PROTOCOL.md 3.3).
     */
    record Status(Boolean hand, Boolean audio, Boolean video, Boolean screen) implements Command {
        public <C> void dispatch(Handler<C> handler, C context) {
            handler.status(this, context);
        }

        public String type() {
            return "status";
        }
    }

    /** {@code lock} ({@code locked} true) or {@code unlock}. */
    record Lock(boolean locked) implements Command {
        public <C> void dispatch(Handler<C> handler, C context) {
            handler.lock(this, context);
        }

        public String type() {
            return locked ? "lock" : "unlock";
        }
    }

    /** {@code set-role}; {@code role} is {@code moderator} or {@code member}. */
    record SetRole(String userId, String role) implements Command {
        public <C> void dispatch(Handler<C> handler, C context) {
            handler.setRole(this, context);
        }

        public String type() {
            return "set-role";
        }
    }

    /**
     * {@code mute}, relayed to its receiver or to every other client once the
     * sender may send it.
     *
     * @param data  as received (its {@code kinds} checked), or null when the frame had none
     * @param kinds the media to turn off: {@code audio} (the default), {@code video}
     */
    record Mute(RawJson data, List<String> kinds) implements Command {
        public <C> void dispatch(Handler<C> handler, C context) {
            handler.mute(this, context);
        }

        public String type() {
            return "mute";
        }
    }
}
