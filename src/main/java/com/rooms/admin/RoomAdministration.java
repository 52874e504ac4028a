package com.rooms.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import com.rooms.audit.AuditTrail;
import com.rooms.audit.RoomEvent;
import com.rooms.history.ArchivedMessage;
import com.rooms.history.HistoryStore;
import com.rooms.history.HistoryView;
import com.rooms.history.MessageQuery;
import com.rooms.live.AdministrationEvent;
import com.rooms.live.LiveClient;
import com.rooms.live.LiveRooms;
import com.rooms.membership.AccessRefused;
import com.rooms.membership.Enrolment;
import com.rooms.membership.Member;
import com.rooms.membership.Role;
import com.rooms.membership.Room;
import com.rooms.membership.RoomChange;
import com.rooms.membership.RoomDirectory;
import com.rooms.membership.Visibility;
import com.rooms.security.Identity;

/**
 * The rules of the HTTP API (PROTOCOL.md 7): who may see and change which
 * room, and what a change does to the clients connected now (announced as an
 * {@link AdministrationEvent} once stored).
 *
 * <p>Checks run in this order: the room exists, then the caller may do this
 * (calls for administrators only check that first); a refusal is an
 * {@link AccessRefused}, {@code missing()} when the room is not there.
 * Administrators may do everything. What a member is shown of a
 * room's messages follows its history setting, as on the socket; for
 * {@code none} (nothing said before the current connection) the API shows a
 * member nothing.
 */
@ApplicationScoped
public class RoomAdministration {
    private static final int DELETE_ATTEMPTS = 3;

    @Inject
    RoomDirectory directory;

    @Inject
    HistoryStore history;

    @Inject
    LiveRooms live;

    @Inject
    Event<AdministrationEvent> events;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public RoomView create(Identity caller, Room wanted) {
        admin(caller);
        Instant now = clock.instant();
        Room room = new Room(wanted.id(), wanted.name(), wanted.visibility(), wanted.history(), caller.userId(), now,
                wanted.locked(), wanted.maxClients());
        Room created = directory.create(room, caller.displayName())
                .orElseThrow(() -> new RoomExists(wanted.id()));
        audit.record(new RoomEvent(created.id(), RoomEvent.Kind.CREATED, caller.userId(), null, null, null, now));
        return view(caller, created);
    }

    public List<RoomView> enterable(Identity caller) {
        List<Room> rooms = caller.admin() ? directory.all() : directory.enterable(caller.userId());
        return views(caller, rooms);
    }

    public List<RoomView> mine(Identity caller) {
        return views(caller, directory.memberOf(caller.userId()));
    }

    public RoomView get(Identity caller, String roomId) {
        Room room = existing(roomId);
        if (room.visibility() == Visibility.PRIVATE) {
            memberOrAdmin(caller, room);
        }
        return view(caller, room);
    }

    public RoomView update(Identity caller, String roomId, RoomChange change) {
        Room room = existing(roomId);
        ownerOrAdmin(caller, room);
        Room changed = directory.update(roomId, change).orElseThrow(() -> notFound(roomId));
        events.fire(new AdministrationEvent.SettingsChanged(changed));
        return view(caller, changed);
    }

    /**
     * Deletes the room with its members and messages. The messages go first
     * (they refer to the room); one its clients send meanwhile would stop the
     * room's deletion, so that is tried again, with what arrived forgotten too.
     */
    public void delete(Identity caller, String roomId) {
        admin(caller);
        existing(roomId);
        if (!forgetAndDelete(roomId)) {
            throw notFound(roomId);
        }
        events.fire(new AdministrationEvent.RoomDeleted(roomId));
        audit.record(new RoomEvent(roomId, RoomEvent.Kind.DELETED, null, caller.userId(), null, null, clock.instant()));
    }

    private boolean forgetAndDelete(String roomId) {
        for (int attempt = 1;; attempt++) {
            history.forget(roomId);
            try {
                return directory.delete(roomId);
            } catch (RuntimeException messageArrivedMeanwhile) {
                if (attempt == DELETE_ATTEMPTS) {
                    throw messageArrivedMeanwhile;
                }
            }
        }
    }

    public List<Member> members(Identity caller, String roomId) {
        Room room = existing(roomId);
        memberOrAdmin(caller, room);
        return directory.members(roomId);
    }

    public Enrolment setRole(Identity caller, String roomId, String userId, Role role) {
        Room room = existing(roomId);
        ownerOrAdmin(caller, room);
        Instant now = clock.instant();
        Enrolment enrolment = directory.setRole(roomId, userId, userId, role, now);
        events.fire(new AdministrationEvent.RoleChanged(roomId, userId, role));
        audit.record(new RoomEvent(roomId, RoomEvent.Kind.ROLE_CHANGED, userId, caller.userId(), null, role.wire(), now));
        return enrolment;
    }

    public void removeMember(Identity caller, String roomId, String userId) {
        Room room = existing(roomId);
        ownerOrAdmin(caller, room);
        if (!directory.remove(roomId, userId)) {
            throw new AccessRefused(AccessRefused.Reason.NO_SUCH_MEMBER,
                    "user " + userId + " is not a member of room " + roomId);
        }
        events.fire(new AdministrationEvent.MemberRemoved(roomId, userId));
        audit.record(new RoomEvent(roomId, RoomEvent.Kind.REMOVED, userId, caller.userId(), null, null,
                clock.instant()));
    }

    public List<LiveClient> clients(Identity caller, String roomId) {
        Room room = existing(roomId);
        memberOrAdmin(caller, room);
        return live.clients(roomId);
    }

    public MessagePage messages(Identity caller, String roomId, MessageFilter filter) {
        Room room = existing(roomId);
        Member member = memberOrAdmin(caller, room);
        if (filter.includeCleared() && !caller.admin()) {
            throw notPermitted("include_cleared is for administrators only");
        }
        HistoryView view = caller.admin() ? null
                : room.history().viewFor(caller.userId(), member.joinedAt(), () -> history.lastId(roomId));
        List<ArchivedMessage> found = history.search(new MessageQuery(roomId, view, filter.before(), filter.after(),
                filter.since(), filter.until(), filter.userId(), filter.words(), filter.includeCleared(),
                filter.limit() + 1));
        boolean more = found.size() > filter.limit();
        List<ArchivedMessage> page = more ? found.subList(0, filter.limit()) : found;
        Long next = more ? page.get(page.size() - 1).message().id() : null;
        return new MessagePage(page, next, caller.admin());
    }

    /** Refuses an export the caller may not make, before any of it is sent. */
    public void mayExport(Identity caller, String roomId) {
        admin(caller);
        existing(roomId);
    }

    /** Every message of the room, cleared ones included, oldest first. */
    public void export(String roomId, Consumer<ArchivedMessage> each) {
        history.export(roomId, true, each);
    }

    /** Many rooms with the caller's role in each, from one query rather than one per room. */
    private List<RoomView> views(Identity caller, List<Room> rooms) {
        Map<String, Role> roles = caller.admin() ? Map.of() : directory.roles(caller.userId());
        return rooms.stream().map(r -> new RoomView(r, live.online(r.id()),
                caller.admin() ? Role.OWNER : roles.get(r.id()))).collect(Collectors.toList());
    }

    private RoomView view(Identity caller, Room room) {
        Role role = caller.admin() ? Role.OWNER
                : directory.member(room.id(), caller.userId()).map(Member::role).orElse(null);
        return new RoomView(room, live.online(room.id()), role);
    }

    private Room existing(String roomId) {
        return directory.find(roomId).orElseThrow(() -> notFound(roomId));
    }

    private static AccessRefused notFound(String roomId) {
        return new AccessRefused(AccessRefused.Reason.NO_SUCH_ROOM, "no room " + roomId);
    }

    private static AccessRefused notPermitted(String message) {
        return new AccessRefused(AccessRefused.Reason.NOT_PERMITTED, message);
    }

    private static void admin(Identity caller) {
        if (!caller.admin()) {
            throw notPermitted("administrators only");
        }
    }

    /** The caller's membership; null for an administrator who is not a member. */
    private Member memberOrAdmin(Identity caller, Room room) {
        Optional<Member> member = directory.member(room.id(), caller.userId());
        if (member.isEmpty() && !caller.admin()) {
            throw new AccessRefused(AccessRefused.Reason.NOT_A_MEMBER, "members of room " + room.id() + " only");
        }
        return member.orElse(null);
    }

    private void ownerOrAdmin(Identity caller, Room room) {
        if (caller.admin()) {
            return;
        }
        Role role = directory.member(room.id(), caller.userId()).map(Member::role).orElse(null);
        if (role != Role.OWNER) {
            throw notPermitted("the room's owners and administrators only");
        }
    }
}
