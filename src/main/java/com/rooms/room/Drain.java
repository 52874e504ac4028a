package com.rooms.room;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Taking this node out of service: while draining, handshakes are refused
 * (503) and readiness is DOWN; starting a drain says goodbye to every client
 * ({@code bye} {@code shutdown}, close 1001). A drain can be called off
 * ({@link #end()}) when the stop it prepared is not going ahead.
 */
@ApplicationScoped
public class Drain {
    private volatile boolean draining;

    @Inject
    ChatManager manager;

    /** Refuses new connections, closes every open one and waits up to {@code wait} for the closes to go out. */
    public void begin(Duration wait) {
        draining = true;
        manager.disconnectAll(Disconnect.SHUTDOWN, wait);
    }

    /** Admits connections again. */
    public void end() {
        draining = false;
    }

    public boolean draining() {
        return draining;
    }
}
