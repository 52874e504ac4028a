package com.rooms.room;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.rooms.audit.RoomEvent;
import com.rooms.membership.Member;
import com.rooms.membership.Role;
import com.rooms.membership.Room;
import com.rooms.membership.RoomChange;
import com.rooms.protocol.Command;
import com.rooms.protocol.ErrorCode;
import com.rooms.protocol.FrameRejected;
import com.rooms.protocol.Payload;

/**
 * What moderators and owners may do to a room and the people in it
 * (PROTOCOL.md 3.3), and the removal of a user whose membership ended.
 * Every refusal is {@code forbidden} or names what was not found.
 */
final class Moderation {
    private static final String ROOM_UNWRITABLE = "the room's settings cannot be stored now; try again";
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
            room.changeAndTell(by, "clear-chat", ref, now, () -> null);
            services.audit().record(new RoomEvent(room.id(), RoomEvent.Kind.CLEARED, null, by.userId(),
                    by.id(), null, services.clock().instant()));
        }, failure -> room.sendError(by, Storage.down("chat storage is unavailable; the chat was not cleared", ref), now));
    }

    /**
     * Locks or unlocks the room: stored, then {@code room-state} to everyone.
     * Changes of the room's controls are made one at a time, so what everyone
     * was last told is what is stored.
     */
    void lock(ChatClient by, boolean locked, String ref, long now) {
        if (!by.role().moderates()) {
            throw new FrameRejected(ErrorCode.FORBIDDEN, "only moderators and owners may lock or unlock the room");
        }
        synchronized (this) {
            Room changed = Storage.read(() -> services.directory().update(room.id(), RoomChange.locking(locked)),
                    ROOM_UNWRITABLE).orElseThrow(() -> new FrameRejected(ErrorCode.INVALID, "the room was deleted"));
            room.settingsChanged(changed);
            room.changeAndTell(by, "room-state", ref, now, () -> new Payload.RoomState(changed.locked()));
        }
        services.audit().record(new RoomEvent(room.id(), locked ? RoomEvent.Kind.LOCKED : RoomEvent.Kind.UNLOCKED,
                null, by.userId(), by.id(), null, services.clock().instant()));
    }

    /**
     * Gives a member of the room another role (owners only; an owner's role
     * is not changed this way): stored as the HTTP API stores it, taken by
     * every connection of theirs, and {@code role} to everyone.
     */
    void setRole(ChatClient by, String userId, Role role, String ref, long now) {
        if (by.role() != Role.OWNER) {
            throw new FrameRejected(ErrorCode.FORBIDDEN, "only owners may change roles");
        }
        synchronized (this) {
            Member member = Storage.read(() -> services.directory().member(room.id(), userId),
                    Storage.MEMBERS_UNREADABLE).orElseThrow(() -> new FrameRejected(ErrorCode.NO_SUCH_CLIENT,
                    "user " + ChatRoom.shown(userId) + " is not a member of this room"));
            if (member.role() == Role.OWNER) {
                throw new FrameRejected(ErrorCode.FORBIDDEN, "an owner's role cannot be changed this way");
            }
            Instant at = services.clock().instant();
            Storage.read(() -> services.directory().setRole(room.id(), userId, member.displayName(), role, at),
                    ROOM_UNWRITABLE);
            room.roleChanged(userId, role);
            room.changeAndTell(by, "role", ref, now,
                    () -> new Payload.RoleChanged(userId, room.actingRole(userId, role).wire()));
        }
        services.audit().record(new RoomEvent(room.id(), RoomEvent.Kind.ROLE_CHANGED, userId, by.userId(), by.id(),
                role.wire(), services.clock().instant()));
    }

    /**
     * Moderators and owners may ask others to turn media off ({@code mute}):
     * {@code relay} passes it on ({@code target} null: to everyone else), and
     * it is recorded with the kinds.
     */
    void mute(ChatClient by, ChatClient target, List<String> kinds, Runnable relay) {
        if (!by.role().moderates()) {
            throw new FrameRejected(ErrorCode.FORBIDDEN, "only moderators and owners may mute");
        }
        relay.run();
        services.audit().record(new RoomEvent(room.id(), RoomEvent.Kind.MUTED, target == null ? null : target.userId(),
                by.userId(), by.id(), String.join(",", kinds), services.clock().instant()));
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
