package com.rooms.room;

import java.util.ArrayList;
import java.util.List;

import com.rooms.audit.RoomEvent;
import com.rooms.membership.Role;
import com.rooms.protocol.Command;
import com.rooms.protocol.ErrorCode;
import com.rooms.protocol.FrameRejected;

/**
 * What moderators and owners may do to a room and the people in it
 * (PROTOCOL.md 3.3), and the removal of a user whose membership ended.
 * Every refusal is {@code forbidden} or names what was not found.
 */
final class Moderation {
    private final ChatRoom room;
    private final RoomServices services;

    Moderation(ChatRoom room, RoomServices services) {
        this.room = room;
        this.services = services;
    }

    /**
     * Kicks one connection ({@code client_id}) or every connection of a user
     * ({@code user_id}): each gets {@code bye} ({@code kicked}) and close 4003.
     * A moderator may not kick an owner; nobody is kicked when any target is
     * refused.
     */
    void kick(ChatClient by, Command.Kick kick) {
        if (!by.role().moderates()) {
            throw new FrameRejected(ErrorCode.FORBIDDEN, "only moderators and owners may kick");
        }
        List<ChatClient> targets = new ArrayList<>();
        if (kick.clientId() != null) {
            targets.add(room.target(kick.clientId()));
        } else {
            targets.addAll(connectionsOf(kick.userId()));
            if (targets.isEmpty()) {
                throw new FrameRejected(ErrorCode.NO_SUCH_CLIENT,
                        "user " + ChatRoom.shown(kick.userId()) + " is not in this room");
            }
        }
        for (ChatClient target : targets) {
            if (target.role() == Role.OWNER && by.role() != Role.OWNER) {
                throw new FrameRejected(ErrorCode.FORBIDDEN, "a moderator may not kick an owner");
            }
        }
        for (ChatClient target : targets) {
            room.disconnect(target, Disconnect.KICKED);
            services.audit().record(new RoomEvent(room.id(), RoomEvent.Kind.KICKED, target.userId(), by.userId(),
                    target.id(), null, services.clock().instant()));
        }
    }

    /** A user is no longer a member: each of their connections is disconnected as if kicked. */
    int removeUser(String userId) {
        List<ChatClient> targets = connectionsOf(userId);
        for (ChatClient target : targets) {
            room.disconnect(target, Disconnect.REMOVED);
        }
        return targets.size();
    }

    /** Hides the chat so far from everyone (once the store did it): {@code clear-chat} to all, recorded. */
    void clearChat(ChatClient by, String ref, long now) {
        if (!by.role().moderates()) {
            throw new FrameRejected(ErrorCode.FORBIDDEN, "only moderators and owners may clear the chat");
        }
        services.history().clear(room.id(), () -> {
            room.sendToAll(by, "clear-chat", ref, null, now);
            services.audit().record(new RoomEvent(room.id(), RoomEvent.Kind.CLEARED, null, by.userId(),
                    by.id(), null, services.clock().instant()));
        }, failure -> room.sendError(by, Storage.down("chat storage is unavailable; the chat was not cleared", ref), now));
    }

    private List<ChatClient> connectionsOf(String userId) {
        List<ChatClient> found = new ArrayList<>();
        for (ChatClient client : room.present()) {
            if (client.userId().equals(userId)) {
                found.add(client);
            }
        }
        return found;
    }
}
