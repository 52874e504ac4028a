package com.rooms.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

class GroupCommitTest {
    /** What the database saw: each committed transaction's writes, by name. */
    private final List<List<String>> transactions = new ArrayList<>();
    /** The outcomes the writes were told, in the order they were told. */
    private final List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final Queue<Runnable> flushes = new ArrayDeque<>();
    private final Executor executor = flushes::add;
    private boolean databaseDown;
    private int attempts;

    /** A transaction that keeps what its writes recorded only if none of them threw, like a rollback. */
    private void transaction(Consumer<EntityManager> work) {
        attempts++;
        if (databaseDown) {
            throw new IllegalStateException("connection refused");
        }
        List<String> applied = new ArrayList<>();
        work.accept(entityManager(applied));
        transactions.add(applied);
    }

    /** An EntityManager whose only use here is to carry the transaction's record; flush does nothing. */
    private static EntityManager entityManager(List<String> applied) {
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    if (method.getName().equals("unwrap")) {
                        return applied;
                    }
                    return null;
                });
    }

    private Write write(String name) {
        return new Write() {
            @Override
            @SuppressWarnings("unchecked")
            public void apply(EntityManager em) {
                if (name.startsWith("bad")) {
                    throw new IllegalArgumentException(name + " refers to a row that vanished");
                }
                em.unwrap(List.class).add(name);
            }

            @Override
            public void committed() {
                outcomes.add(name + " committed");
            }

            @Override
            public void failed(RuntimeException cause) {
                outcomes.add(name + " failed");
            }
        };
    }

    private GroupCommit groupCommit() {
        return new GroupCommit(this::transaction, executor);
    }

    private void runFlushes() {
        Runnable flush;
        while ((flush = flushes.poll()) != null) {
            flush.run();
        }
    }

    @Test
    void writesSubmittedWhileACommitRunsAreCommittedTogetherInTheNextTransaction() {
        GroupCommit[] group = new GroupCommit[1];
        group[0] = new GroupCommit(work -> {
            if (transactions.isEmpty()) {
                // other threads submit while the first transaction is being committed
                group[0].submit(write("w2"));
                group[0].submit(write("w3"));
                group[0].submit(write("w4"));
            }
            transaction(work);
        }, executor);

        group[0].submit(write("w1"));
        assertEquals(1, flushes.size());
        runFlushes();

        assertEquals(List.of(List.of("w1"), List.of("w2", "w3", "w4")), transactions);
        assertEquals(List.of("w1 committed", "w2 committed", "w3 committed", "w4 committed"), outcomes);
        assertEquals(0, flushes.size(), "the running flush took the later writes along; no second flush was started");
    }

    @Test
    void aBatchHoldsAtMostMaxBatchWritesAndTheRestFollowInOrder() {
        GroupCommit group = groupCommit();
        for (int i = 0; i <= GroupCommit.MAX_BATCH; i++) {
            group.submit(write("w" + i));
        }
        runFlushes();

        assertEquals(2, transactions.size());
        assertEquals(GroupCommit.MAX_BATCH, transactions.get(0).size());
        assertEquals(List.of("w" + GroupCommit.MAX_BATCH), transactions.get(1));
        assertEquals("w0 committed", outcomes.get(0));
        assertEquals("w" + GroupCommit.MAX_BATCH + " committed", outcomes.get(outcomes.size() - 1));
    }

    @Test
    void aFailedBatchIsRetriedOneWriteEachSoOnlyTheBadWriteFails() {
        GroupCommit group = groupCommit();
        group.submit(write("w1"));
        group.submit(write("bad2"));
        group.submit(write("w3"));
        runFlushes();

        assertEquals(List.of(List.of("w1"), List.of("w3")), transactions, "nothing of the failed batch remains");
        assertEquals(List.of("w1 committed", "bad2 failed", "w3 committed"), outcomes);
    }

    @Test
    void whenTheDatabaseIsDownEveryWriteFailsAndNoneIsCommitted() {
        databaseDown = true;
        GroupCommit group = groupCommit();
        group.submit(write("w1"));
        group.submit(write("w2"));
        runFlushes();

        assertEquals(List.of(), transactions);
        assertEquals(List.of("w1 failed", "w2 failed"), outcomes);
    }

    @Test
    void aSingleWriteThatFailsIsToldOnceWithoutARetry() {
        GroupCommit group = groupCommit();
        group.submit(write("bad1"));
        runFlushes();

        assertEquals(List.of("bad1 failed"), outcomes);
        assertEquals(1, attempts);
    }

    @Test
    void aWriteSubmittedAfterAFlushEndedStartsAnotherFlush() {
        GroupCommit group = groupCommit();
        group.submit(write("w1"));
        runFlushes();
        group.submit(write("w2"));

        assertEquals(1, flushes.size());
        runFlushes();
        assertEquals(List.of(List.of("w1"), List.of("w2")), transactions);
    }

    @Test
    void writesRefusedByTheExecutorAreToldTheyFailedAndTheNextSubmitTriesAgain() {
        List<Runnable> accepted = new ArrayList<>();
        boolean[] refusing = {true};
        GroupCommit group = new GroupCommit(this::transaction, task -> {
            if (refusing[0]) {
                throw new RejectedExecutionException("shutting down");
            }
            accepted.add(task);
        });
        group.submit(write("w1"));
        assertEquals(List.of("w1 failed"), outcomes);

        refusing[0] = false;
        group.submit(write("w2"));
        assertEquals(1, accepted.size());
        accepted.get(0).run();
        assertEquals(List.of("w1 failed", "w2 committed"), outcomes);
    }

    @Test
    void aFollowUpThatThrowsDoesNotKeepTheOthersFromBeingTold() {
        GroupCommit group = groupCommit();
        Write throwing = new Write() {
            @Override
            public void apply(EntityManager em) {
            }

            @Override
            public void committed() {
                throw new IllegalStateException("the recipient went away");
            }
        };
        group.submit(throwing);
        group.submit(write("w2"));
        runFlushes();

        assertEquals(List.of("w2 committed"), outcomes);
    }
}
