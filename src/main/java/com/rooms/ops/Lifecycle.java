package com.rooms.ops;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.rooms.history.Retention;
import com.rooms.room.Drain;
import com.rooms.room.Sweeper;

/**
 * Starts the once-a-second sweep of all connections (and the retention job,
 * when retention is on) with the application, and
 * says goodbye to every client when the application stops (on Payara and on a
 * redeploy the sessions are still open then; on Liberty's server stop, drain
 * first).
 */
@ApplicationScoped
public class Lifecycle {
    @Inject
    Sweeper sweeper;

    @Inject
    Drain drain;

    @Inject
    Retention retention;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> sweeps;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        sweeps = scheduler.scheduleAtFixedRate(sweeper::sweep, 1, 1, TimeUnit.SECONDS);
        retention.schedule(scheduler);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
        if (sweeps != null) {
            sweeps.cancel(false);
        }
        retention.cancel();
        drain.begin(Duration.ofSeconds(5));
    }
}
