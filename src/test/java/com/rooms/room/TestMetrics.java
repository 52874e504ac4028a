package com.rooms.room;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/** Stands in for the metrics adapter, which in-server test deployments leave out; counts writes. */
@ApplicationScoped
public class TestMetrics implements RoomMetrics {
    private final AtomicInteger written = new AtomicInteger();

    /** Read through a method: an injected reference is a client proxy. */
    public int writes() {
        return written.get();
    }

    @Override
    public void frameReceived(String type) {
    }

    @Override
    public void errorSent(String code) {
    }

    @Override
    public void written(Outbound frame, long nowNanos) {
        written.incrementAndGet();
    }

    @Override
    public void slowClientCut() {
    }
}
