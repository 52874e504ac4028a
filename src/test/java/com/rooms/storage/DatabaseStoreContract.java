package com.rooms.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.rooms.history.ChatMessage;
import com.rooms.history.HistoryView;
import com.rooms.history.Retention;
import com.rooms.membership.HistorySetting;
import com.rooms.membership.Room;
import com.rooms.membership.Visibility;

/**
 * The store contract plus what only a database shows: column limits, the
 * audit rows of a purge, and two transactions creating the same room.
 * Subclasses deploy it on the embedded database and on PostgreSQL.
 */
abstract class DatabaseStoreContract extends StoreContract {

    @Inject
    Retention retention;

    @Inject
    Transactions tx;

    @Test
    void aMessageTheDatabaseRefusesFailsAloneAndLeavesNothing() throws Exception {
        Room room = room(Visibility.PUBLIC);
        CountDownLatch done = new CountDownLatch(3);
        List<Object> outcomes = new ArrayList<>(List.of("", "", ""));
        String tooLong = "x".repeat(9000);
        String[] texts = {"before", tooLong, "after"};
        for (int i = 0; i < 3; i++) {
            int slot = i;
            history.append(message(room, "cy", texts[i], null), m -> {
                outcomes.set(slot, m);
                done.countDown();
            }, failure -> {
                outcomes.set(slot, failure);
                done.countDown();
            });
        }
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertInstanceOf(ChatMessage.class, outcomes.get(0));
        assertInstanceOf(RuntimeException.class, outcomes.get(1));
        assertInstanceOf(ChatMessage.class, outcomes.get(2));
        assertEquals(List.of("before", "after"),
                texts(history.page(room.id(), new HistoryView("v", null, 0), null, 10).messages()));
    }


    @Test
    void retentionDeletesOnlyWhatIsOlderThanTheCutoffAndRecordsThePurge() throws Exception {
        Room room = room(Visibility.PUBLIC);
        storeOne(room, "rex", "old", null, T0.minus(40, ChronoUnit.DAYS));
        storeOne(room, "rex", "older", null, T0.minus(41, ChronoUnit.DAYS));
        storeOne(room, "rex", "recent", null, T0.minus(1, ChronoUnit.DAYS));

        Map<String, Integer> purged = retention.purgeBefore(T0.minus(30, ChronoUnit.DAYS));

        assertEquals(2, purged.get(room.id()));
        assertEquals(List.of("recent"), texts(history.page(room.id(), new HistoryView("v", null, 0), null, 10).messages()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long events = 0;
        while (events == 0 && System.nanoTime() < deadline) {
            events = tx.read(em -> em.createQuery("SELECT COUNT(e) FROM EventRow e WHERE e.roomId = :room"
                    + " AND e.kind = 'purged'", Long.class).setParameter("room", room.id()).getSingleResult());
            Thread.sleep(50);
        }
        assertEquals(1, events, "the purge is in the audit trail");
    }


    @Test
    void aJoinerWhoseRoomAnotherIsStillCreatingGetsThatRoom() throws Exception {
        String id = "race-" + UUID.randomUUID();
        Room room = new Room(id, id, Visibility.PUBLIC, HistorySetting.SHARED, "second", T0);
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Thread creator = new Thread(() -> tx.run(em -> {
            em.createNativeQuery("INSERT INTO room (id, name, visibility, history_setting, created_by, created_at)"
                    + " VALUES (?1, ?1, ?2, ?3, 'first', ?4)").setParameter(1, id)
                    .setParameter(2, Visibility.PUBLIC.wire()).setParameter(3, HistorySetting.SHARED.wire())
                    .setParameter(4, java.time.OffsetDateTime.parse("2026-01-01T00:00:00Z")).executeUpdate();
            inserted.countDown();
            try {
                commit.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        creator.start();
        assertTrue(inserted.await(10, TimeUnit.SECONDS), "the first creator's row is written, not yet committed");
        Thread committer = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            commit.countDown();
        });
        committer.start();
        assertEquals(id, directory.createIfAbsent(room, "Second").id());
        assertEquals("first", directory.find(id).orElseThrow().createdBy(), "the first creator's room");
        creator.join(TimeUnit.SECONDS.toMillis(10));
    }
}
