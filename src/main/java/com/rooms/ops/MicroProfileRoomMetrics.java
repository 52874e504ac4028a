package com.rooms.ops;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

import com.rooms.room.ChatManager;
import com.rooms.room.Outbound;
import com.rooms.room.RoomMetrics;

/**
 * The rooms' figures in MicroProfile Metrics, served as Prometheus text at
 * {@code /metrics}. docs/operations.md lists the names.
 */
@ApplicationScoped
public class MicroProfileRoomMetrics implements RoomMetrics {
    @Inject
    MetricRegistry registry;

    @Inject
    ChatManager manager;

    static final int LATENCY_SAMPLE = 8;

    private final Map<String, Counter> framesIn = new ConcurrentHashMap<>();
    private final Map<String, Counter> framesOut = new ConcurrentHashMap<>();
    private final Map<String, Counter> errors = new ConcurrentHashMap<>();
    private Counter slowClients;
    private Timer latency;

    @PostConstruct
    void register() {
        registry.gauge(Metadata.builder().withName("rooms_clients").withDescription("Clients connected now").build(),
                manager, m -> m.connectedClients());
        registry.gauge(Metadata.builder().withName("rooms_kept_places")
                .withDescription("Places kept without a connection, waiting for a resume").build(),
                manager, m -> m.keptPlaces());
        registry.gauge(Metadata.builder().withName("rooms_rooms").withDescription("Rooms with clients now").build(),
                manager, m -> m.openRoomCount());
        slowClients = registry.counter(Metadata.builder().withName("rooms_slow_client_disconnects")
                .withDescription("Clients cut off (1013) because they could not keep up").build());
        latency = registry.timer(Metadata.builder().withName("rooms_relay_latency")
                .withDescription("From a frame's arrival to the write of what it caused, per recipient").build());
    }

    @Override
    public void frameReceived(String type) {
        framesIn.computeIfAbsent(type, t -> counter("rooms_frames_in", "Frames received, by type", "type", t)).inc();
    }

    @Override
    public void errorSent(String code) {
        errors.computeIfAbsent(code, c -> counter("rooms_errors", "error frames sent, by code", "code", c)).inc();
    }

    /** Every write is counted; one in {@link #LATENCY_SAMPLE} is timed (a timer update costs more than the count). */
    @Override
    public void written(Outbound frame, long nowNanos) {
        framesOut.computeIfAbsent(frame.type(), t -> counter("rooms_frames_out", "Frames written, by type", "type", t))
                .inc();
        if (ThreadLocalRandom.current().nextInt(LATENCY_SAMPLE) == 0) {
            latency.update(Duration.ofNanos(nowNanos - frame.bornNanos()));
        }
    }

    @Override
    public void slowClientCut() {
        slowClients.inc();
    }

    private Counter counter(String name, String description, String tag, String value) {
        return registry.counter(Metadata.builder().withName(name).withDescription(description).build(),
                new Tag(tag, value));
    }
}
