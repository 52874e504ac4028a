package com.rooms.live;

import java.util.List;

/** Who is connected to the rooms open on this node now; read only. */
public interface LiveRooms {

    /** Clients connected to the room now, 0 when it is not open. */
    int online(String roomId);

    /** The room's connected clients, none when it is not open. */
    List<LiveClient> clients(String roomId);
}
