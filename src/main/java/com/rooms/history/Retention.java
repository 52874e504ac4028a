package com.rooms.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.rooms.audit.AuditTrail;
import com.rooms.audit.RoomEvent;

/**
 * The retention policy: messages older than {@code rooms.retention.days}
 * are deleted by a job that runs every {@code rooms.retention.check-minutes}
 * (off when the days are 0, the default). Each room's purge is recorded in
 * the audit trail with the number of messages it removed.
 */
@ApplicationScoped
public class Retention {
    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    @Inject
    HistoryStore history;

    @Inject
    AuditTrail audit;

    @Inject
    RetentionSettings settings;

    @Inject
    Clock clock;

    private ScheduledFuture<?> job;

    /** Starts the job if retention is on. */
    public void schedule(ScheduledExecutorService scheduler) {
        if (!settings.on()) {
            return;
        }
        long every = settings.checkMinutes();
        job = scheduler.scheduleWithFixedDelay(this::purgeExpired, 1, every, TimeUnit.MINUTES);
        LOG.info("messages older than " + settings.days() + " days are deleted; checked every " + every
                + " minutes");
    }

    public void cancel() {
        if (job != null) {
            job.cancel(false);
        }
    }

    void purgeExpired() {
        try {
            purgeBefore(clock.instant().minus(Duration.ofDays(settings.days())));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the retention purge failed; it runs again at the next check", e);
        }
    }

    /** Deletes what was sent before {@code cutoff} and records each room's purge; answers the counts by room. */
    public Map<String, Integer> purgeBefore(Instant cutoff) {
        Map<String, Integer> purged = history.purgeBefore(cutoff);
        Instant now = clock.instant();
        purged.forEach((roomId, count) -> audit.record(new RoomEvent(roomId, RoomEvent.Kind.PURGED, null, null, null,
                count + " messages sent before " + cutoff, now)));
        if (!purged.isEmpty()) {
            LOG.info("retention deleted " + purged.values().stream().mapToInt(Integer::intValue).sum()
                    + " messages in " + purged.size() + " rooms");
        }
        return purged;
    }
}
