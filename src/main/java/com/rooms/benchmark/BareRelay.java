package com.rooms.benchmark;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

/**
 * The platform's own limit, for the load generator to compare the room
 * server with: a plain Jakarta WebSocket endpoint at
 * {@code /bench/relay/{channel}} that writes every text message it receives,
 * unchanged, to the other sessions of the same channel. No sign-in, no
 * parsing, no queue: the simplest forwarding this server could do. Installed
 * only in benchmark mode ({@link BenchmarkMode}).
 */
public final class BareRelay extends Endpoint {
    public static final String PATH = "/bench/relay/{channel}";
    private static final Map<String, Set<Session>> CHANNELS = new ConcurrentHashMap<>();

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        String channel = session.getPathParameters().get("channel");
        Set<Session> members = CHANNELS.computeIfAbsent(channel, c -> ConcurrentHashMap.newKeySet());
        members.add(session);
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
            for (Session other : members) {
                if (other != session) {
                    forward(other, text);
                }
            }
        });
    }

    private static void forward(Session to, String text) {
        synchronized (to) {
            try {
                to.getBasicRemote().sendText(text);
            } catch (IOException | IllegalStateException gone) {
                // the other side has gone; its own close takes it out of the channel
            }
        }
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        String channel = session.getPathParameters().get("channel");
        CHANNELS.computeIfPresent(channel, (c, members) -> {
            members.remove(session);
            return members.isEmpty() ? null : members;
        });
    }
}
