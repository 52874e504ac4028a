package com.rooms.room;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.rooms.history.HistoryPage;
import com.rooms.history.NewMessage;
import com.rooms.membership.Member;
import com.rooms.membership.Role;
import com.rooms.protocol.ClientFrame;
import com.rooms.protocol.Command;
import com.rooms.protocol.ErrorCode;
import com.rooms.protocol.FrameRejected;
import com.rooms.protocol.Payload;
import com.rooms.security.DisplayNames;
import com.rooms.security.FrameRateGuard;
import com.rooms.security.Identity;
import com.rooms.security.TokenRejected;

/**
 * What a client asks of its room, one text frame at a time: decoded,
 * admitted by the client's frame rate, handled by the method for its kind
 * of command, and any refusal answered with {@code error} (the socket
 * stays open). A failure no rule foresaw ends that connection with 1011.
 */
final class Commands implements Command.Handler<Commands.Request> {
    private static final Logger LOG = Logger.getLogger(Commands.class.getName());
    private final ChatRoom room;
    private final Moderation moderation;
    private final RoomServices services;
    private final ServerFrames frames;

    /** A decoded frame, who sent it and when it arrived. */
    record Request(ChatClient client, ClientFrame frame, long nanos) {
        String ref() {
            return frame.id();
        }
    }

    Commands(ChatRoom room, Moderation moderation, RoomServices services, ServerFrames frames) {
        this.room = room;
        this.moderation = moderation;
        this.services = services;
        this.frames = frames;
    }

    void receive(ChatClient client, String text) {
        long now = System.nanoTime();
        client.heard(now);
        if (room.member(client.id()) != client) {
            return;
        }
        ClientFrame frame;
        try {
            frame = services.decoder().decode(text);
        } catch (FrameRejected rejected) {
            services.metrics().frameReceived("invalid");
            if (admit(client, false, rejected.ref(), now)) {
                error(client, rejected, now);
            }
            return;
        } catch (RuntimeException unexpected) {
            failed(client, "decoding a frame", unexpected);
            return;
        }
        services.metrics().frameReceived(frame.command().type());
        if (!admit(client, frame.command() instanceof Command.Text, frame.id(), now)) {
            return;
        }
        try {
            frame.command().dispatch(this, new Request(client, frame, now));
        } catch (FrameRejected rejected) {
            error(client, rejected.withRef(frame.id()), now);
        } catch (RuntimeException unexpected) {
            failed(client, "handling " + frame.command().type(), unexpected);
        }
    }

    /**
     * The one catch-all at the socket: whatever a request threw that no rule
     * foresaw is logged with client and room, and ends that connection with
     * 1011; the room and everyone else go on.
     */
    private void failed(ChatClient client, String doing, RuntimeException unexpected) {
        LOG.log(Level.WARNING, "unexpected failure " + doing + " from " + client
                + " in room " + room.id() + "; closing it with 1011", unexpected);
        room.disconnect(client, Disconnect.INTERNAL_ERROR);
    }

    private boolean admit(ChatClient client, boolean isText, String ref, long now) {
        FrameRateGuard rate = client.rate();
        if (rate == null) {
            return true;
        }
        switch (rate.check(isText, now)) {
            case ACCEPT:
                return true;
            case REFUSE_AND_TELL:
                error(client, new FrameRejected(ErrorCode.RATE_LIMITED, "too many frames; this one was dropped", ref), now);
                return false;
            case DISCONNECT:
                room.disconnect(client, Disconnect.RATE_LIMITED);
                return false;
            default:
                return false;
        }
    }

    private void error(ChatClient client, FrameRejected rejected, long now) {
        room.sendError(client, rejected, now);
    }

    @Override
    public void ping(Command.Ping ping, Request r) {
        r.client().send(frames.toClient(r.client(), "pong", r.ref(), ping.data(), r.nanos()));
    }

    @Override
    public void relay(Command.Relay relay, Request r) {
        ChatClient from = r.client();
        if (r.frame().directed()) {
            ChatClient target = room.target(r.frame().receiver());
            target.send(frames.fromClient(from, relay.type(), r.ref(), target, relay.data(), r.nanos()));
        } else {
            room.broadcast(frames.fromClient(from, relay.type(), r.ref(), null, relay.data(), r.nanos()), from);
        }
    }

    /** Stored first, then delivered in the room's order (see {@link ChatRoom#deliverChat}). */
    @Override
    public void text(Command.Text text, Request r) {
        ChatClient from = r.client();
        ChatClient target = r.frame().directed() ? room.target(r.frame().receiver()) : null;
        NewMessage message = new NewMessage(room.id(), from.userId(), from.username(), text.text(),
                target == null ? null : target.userId(), services.clock().instant().truncatedTo(ChronoUnit.MILLIS));
        services.history().append(message,
                stored -> room.deliverChat(from, target, r.ref(), stored, r.nanos()),
                failure -> error(from, Storage.down("chat storage is unavailable; the message was not sent", r.ref()),
                        r.nanos()));
    }

    @Override
    public void getRoomInfo(Command.GetRoomInfo get, Request r) {
        r.client().send(room.roomInfoFor(r.client(), r.ref(), r.nanos()));
    }

    /**
     * A display name is chosen freely within {@link DisplayNames}' rule: kept
     * in NFKC form, without invisible characters, and not looking like the
     * name of another user of this room, present now or a member who is
     * away: nobody can pass for a colleague. Identity itself is the
     * {@code user_id}, which only the token sets.
     */
    @Override
    public void profile(Command.Profile profile, Request r) {
        String name;
        try {
            name = DisplayNames.normalise(profile.username());
        } catch (DisplayNames.Refused refused) {
            throw new FrameRejected(ErrorCode.INVALID, refused.getMessage());
        }
        List<String> away = new ArrayList<>();
        for (Member member : Storage.read(() -> services.directory().members(room.id()), Storage.MEMBERS_UNREADABLE)) {
            if (!member.userId().equals(r.client().userId())) {
                away.add(member.displayName());
            }
        }
        ChatClient client = r.client();
        room.changeAndTell(client, "profile", r.ref(), r.nanos(), () -> {
            List<String> taken = new ArrayList<>(away);
            for (ChatClient other : room.present()) {
                if (!other.userId().equals(client.userId())) {
                    taken.add(other.username());
                }
            }
            if (DisplayNames.looksLikeAny(name, taken)) {
                throw new FrameRejected(ErrorCode.INVALID, "another user of this room goes by a name that looks like that");
            }
            client.renamed(name);
            return new Payload.ProfileChanged(client.id(), name);
        });
    }

    @Override
    public void getIceServers(Command.GetIceServers get, Request r) {
        room.sendIceServers(r.client(), r.ref(), r.nanos());
    }

    @Override
    public void refresh(Command.Refresh refresh, Request r) {
        Identity fresh;
        try {
            fresh = services.tokens().verify(refresh.token());
        } catch (TokenRejected rejected) {
            throw new FrameRejected(ErrorCode.UNAUTHORIZED, "refresh token refused: " + rejected.getMessage());
        }
        if (!fresh.userId().equals(r.client().userId())) {
            throw new FrameRejected(ErrorCode.UNAUTHORIZED, "refresh token belongs to another user");
        }
        room.refreshed(r.client(), fresh, roleOf(fresh), r.ref(), r.nanos());
    }

    /**
     * The role fresh credentials give in this room, by the handshake's rule:
     * an administrator acts as owner, anyone else with the role stored for
     * them (a member when none is).
     */
    private Role roleOf(Identity who) {
        if (who.admin()) {
            return Role.OWNER;
        }
        return Storage.read(() -> services.directory().member(room.id(), who.userId()).map(Member::role)
                .orElse(Role.MEMBER), "the room's members cannot be read now; refresh again");
    }

    @Override
    public void getHistory(Command.GetHistory get, Request r) {
        HistoryPage page = Storage.read(() -> get.after() != null
                ? services.history().pageAfter(room.id(), r.client().historyView(), get.after(), get.limit())
                : services.history().page(room.id(), r.client().historyView(), get.before(), get.limit()),
                Storage.HISTORY_UNREADABLE);
        r.client().send(frames.history(r.client(), page, r.ref(), r.nanos()));
    }

    @Override
    public void clearChat(Command.ClearChat clear, Request r) {
        moderation.clearChat(r.client(), r.ref(), r.nanos());
    }

    @Override
    public void kick(Command.Kick kick, Request r) {
        moderation.kick(r.client(), kick);
    }

    @Override
    public void status(Command.Status status, Request r) {
        ChatClient client = r.client();
        room.changeAndTell(client, "status", r.ref(), r.nanos(), () -> new Payload.StatusChanged(client.id(),
                client.statusChanged(status.hand(), status.audio(), status.video(), status.screen())));
    }

    @Override
    public void lock(Command.Lock lock, Request r) {
        moderation.lock(r.client(), lock.locked(), r.ref(), r.nanos());
    }

    @Override
    public void setRole(Command.SetRole setRole, Request r) {
        moderation.setRole(r.client(), setRole.userId(), Role.fromWire(setRole.role()).orElseThrow(), r.ref(),
                r.nanos());
    }

    /** Relayed like {@code offer} once {@link Moderation#mute} allows it. */
    @Override
    public void mute(Command.Mute mute, Request r) {
        ChatClient target = r.frame().directed() ? room.target(r.frame().receiver()) : null;
        moderation.mute(r.client(), target, mute.kinds(), () -> relay(new Command.Relay("mute", mute.data()), r));
    }

}
