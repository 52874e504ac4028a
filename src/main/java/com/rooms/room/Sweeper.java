package com.rooms.room;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.rooms.ice.IceServers;

/**
 * Once a second over every place of this node: ends those whose
 * credentials expired (4001; a place kept for a resume too), and for those
 * with a connection sends fresh TURN credentials before the old ones
 * expire, pings idle connections and cuts those that stopped answering
 * (silent for 2.5 keep-alive intervals; their places are kept for a resume).
 */
@ApplicationScoped
public class Sweeper {
    private static final Logger LOG = Logger.getLogger(Sweeper.class.getName());

    @Inject
    ChatManager manager;

    @Inject
    RoomServices services;

    @Inject
    NodeSettings settings;

    public void sweep() {
        Instant now = services.clock().instant();
        long nanos = System.nanoTime();
        long keepAlive = TimeUnit.SECONDS.toNanos(settings.keepAliveSeconds());
        for (ChatRoom room : manager.openRooms()) {
            for (ChatClient client : room.clients()) {
                try {
                    sweep(room, client, now, nanos, keepAlive);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "sweep failed for " + client + " in room " + room.id(), e);
                }
            }
        }
    }

    private void sweep(ChatRoom room, ChatClient client, Instant now, long nanos, long keepAlive) {
        if (client.expiresAt() != null && !now.isBefore(client.expiresAt())) {
            room.disconnect(client, Disconnect.EXPIRED);
            return;
        }
        if (!client.attached()) {
            return;
        }
        Instant ice = client.iceExpiresAt();
        if (ice != null && !now.isBefore(ice.minus(IceServers.REFRESH_LEAD))) {
            room.sendIceServers(client, null, nanos);
        }
        if (keepAlive > 0) {
            if (nanos - client.lastHeardNanos() > keepAlive * 5 / 2) {
                room.disconnect(client, Disconnect.TIMEOUT);
            } else {
                client.pingIfDue(nanos, keepAlive);
            }
        }
    }
}
