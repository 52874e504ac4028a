package com.rooms.room;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.rooms.history.ChatMessage;
import com.rooms.history.HistoryPage;
import com.rooms.membership.Room;
import com.rooms.protocol.FrameEncoder;
import com.rooms.protocol.FrameRejected;
import com.rooms.protocol.Payload;
import com.rooms.protocol.ServerFrame;

/**
 * Builds and encodes the frames a room writes (PROTOCOL.md 3): each is
 * encoded once, so a broadcast queues the same text to every recipient.
 * {@code bornNanos} is when the frame that caused it arrived, for the
 * relay latency.
 */
final class ServerFrames {
    private final FrameEncoder encoder;

    ServerFrames(FrameEncoder encoder) {
        this.encoder = encoder;
    }

    Outbound encode(ServerFrame frame, long bornNanos) {
        return Outbound.of(encoder.encode(frame), frame.type(), bornNanos);
    }

    /** A frame from the server to one client, answering its frame {@code ref} (or null). */
    Outbound toClient(ChatClient client, String type, String ref, Object data, long bornNanos) {
        return encode(ServerFrame.toClient(type, client.id(), ref, data), bornNanos);
    }

    /** A frame from the server, written once for the whole room. */
    Outbound toRoom(String type, Object data, long bornNanos) {
        return encode(ServerFrame.toRoom(type, data), bornNanos);
    }

    /**
     * A frame caused by {@code from} for others: for {@code to} only, or
     * (null) written once for several; {@code id} is the client's frame id on
     * relayed frames.
     */
    Outbound fromClient(ChatClient from, String type, String id, ChatClient to, Object data, long bornNanos) {
        return encode(new ServerFrame(type, id, null, from.id(), to == null ? null : to.id(), data), bornNanos);
    }

    /** The sender's own copy of a frame it caused, answering its frame {@code ref}. */
    Outbound ownCopy(ChatClient from, String type, String ref, Object data, long bornNanos) {
        return encode(new ServerFrame(type, null, ref, from.id(), from.id(), data), bornNanos);
    }

    Outbound error(ChatClient client, FrameRejected rejected, long bornNanos) {
        return encode(ServerFrame.error(client.id(), rejected.ref(), rejected.code(), rejected.getMessage()), bornNanos);
    }

    Outbound bye(ChatClient client, String reason) {
        return toClient(client, "bye", null, new Payload.Bye(reason), System.nanoTime());
    }

    /** A {@code welcome} with a fresh resume token; {@code resumed}: the first of a connection that took a place back. */
    Outbound welcome(ChatClient client, Room room, String ref, boolean resumed, long bornNanos) {
        Instant expires = client.expiresAt();
        return toClient(client, "welcome", ref, new Payload.Welcome(client.id(), client.userId(), client.username(),
                room.id(), client.role().wire(), expires == null ? null : expires.toString(), 1,
                client.newResumeToken(), client.resumeWindowSeconds(), resumed), bornNanos);
    }

    Outbound roomInfo(ChatClient client, Room room, ChatClient[] present, String ref, long bornNanos) {
        List<Payload.ClientInfo> infos = new ArrayList<>(present.length);
        for (ChatClient each : present) {
            infos.add(each.info());
        }
        return toClient(client, "room-info", ref, new Payload.RoomInfo(room.id(), room.name(), room.locked(), infos), bornNanos);
    }

    Outbound history(ChatClient client, HistoryPage page, String ref, long bornNanos) {
        List<Payload.Chat> messages = new ArrayList<>(page.messages().size());
        for (ChatMessage message : page.messages()) {
            messages.add(chat(message));
        }
        return toClient(client, "history", ref, new Payload.History(messages, page.more()), bornNanos);
    }

    static Payload.Chat chat(ChatMessage m) {
        return new Payload.Chat(m.id(), m.displayName(), m.userId(), m.sentAt().toString(), m.text(), m.isPrivate(),
                m.toUserId());
    }
}
