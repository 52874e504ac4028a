package com.rooms.room;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.rooms.live.LiveClient;
import com.rooms.live.LiveRooms;

/** {@link LiveRooms} read from this node's {@link ChatManager}. */
@ApplicationScoped
public class LiveRoomsOnNode implements LiveRooms {
    @Inject
    ChatManager manager;

    @Override
    public int online(String roomId) {
        return manager.online(roomId);
    }

    @Override
    public List<LiveClient> clients(String roomId) {
        ChatRoom room = manager.room(roomId);
        if (room == null) {
            return List.of();
        }
        return room.clients().stream().map(c -> new LiveClient(c.id(), c.userId(), c.username(), c.role())).toList();
    }
}
