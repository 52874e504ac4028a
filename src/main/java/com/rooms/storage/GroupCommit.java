package com.rooms.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.persistence.EntityManager;

/**
 * Group commit: writes that arrive while a transaction is being committed
 * wait and are committed together in the next one, so a busy server pays
 * for one commit per batch, not per message.
 *
 * <p>One batch is in flight at a time, and a batch's writes are applied and
 * then told {@link Write#committed()} in the order they were submitted: the
 * ids the database hands out while applying them grow in that order, and
 * whoever delivers from {@code committed} delivers in id order.
 *
 * <p>If a batch fails, its writes are retried one transaction each, so one
 * bad write (a row that vanished) fails alone; when the database is down,
 * every one of them fails and nothing is half-written.
 */
public final class GroupCommit {
    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());
    static final int MAX_BATCH = 500;

    private final ConcurrentLinkedQueue<Write> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushing = new AtomicBoolean();
    private final Consumer<Consumer<EntityManager>> transaction;
    private final Executor executor;

    /**
     * @param transaction runs its argument in a new transaction and returns once it committed
     * @param executor    runs the flushes
     */
    public GroupCommit(Consumer<Consumer<EntityManager>> transaction, Executor executor) {
        this.transaction = transaction;
        this.executor = executor;
    }

    public void submit(Write write) {
        pending.add(write);
        if (flushing.compareAndSet(false, true)) {
            start();
        }
    }

    private void start() {
        try {
            executor.execute(this::flush);
        } catch (RuntimeException rejected) {
            flushing.set(false);
            failAll(rejected);
        }
    }

    private void flush() {
        try {
            List<Write> batch;
            while (!(batch = take()).isEmpty()) {
                commit(batch);
            }
        } finally {
            flushing.set(false);
        }
        if (!pending.isEmpty() && flushing.compareAndSet(false, true)) {
            start();
        }
    }

    private List<Write> take() {
        List<Write> batch = new ArrayList<>();
        Write next;
        while (batch.size() < MAX_BATCH && (next = pending.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }

    private void commit(List<Write> batch) {
        try {
            transaction.accept(em -> {
                for (Write write : batch) {
                    write.apply(em);
                }
                em.flush();
            });
        } catch (RuntimeException batchFailed) {
            LOG.log(Level.WARNING, "a database transaction of " + batch.size() + " writes failed: " + batchFailed);
            if (batch.size() == 1) {
                tellFailed(batch.get(0), batchFailed);
                return;
            }
            for (Write write : batch) {
                try {
                    transaction.accept(em -> {
                        write.apply(em);
                        em.flush();
                    });
                } catch (RuntimeException failed) {
                    tellFailed(write, failed);
                    continue;
                }
                tellCommitted(write);
            }
            return;
        }
        for (Write write : batch) {
            tellCommitted(write);
        }
    }

    private void failAll(RuntimeException cause) {
        Write write;
        while ((write = pending.poll()) != null) {
            tellFailed(write, cause);
        }
    }

    private static void tellCommitted(Write write) {
        try {
            write.committed();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a committed write's follow-up failed", e);
        }
    }

    private static void tellFailed(Write write, RuntimeException cause) {
        LOG.log(Level.FINE, "a database write failed", cause);
        try {
            write.failed(cause);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a failed write's follow-up failed", e);
        }
    }
}
