package com.rooms.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.rooms.history.ArchivedMessage;
import com.rooms.history.ChatMessage;
import com.rooms.history.HistoryPage;
import com.rooms.history.HistoryStore;
import com.rooms.history.HistoryView;
import com.rooms.history.MessageQuery;
import com.rooms.history.NewMessage;
import com.rooms.membership.Enrolment;
import com.rooms.membership.HistorySetting;
import com.rooms.membership.Role;
import com.rooms.membership.Room;
import com.rooms.membership.RoomChange;
import com.rooms.membership.RoomDirectory;
import com.rooms.membership.Visibility;

/**
 * What every {@link HistoryStore} and {@link RoomDirectory} promises, whatever
 * keeps the data: proven inside the server on a real database (through
 * {@link DatabaseStoreContract}) and on the in-memory doubles the unit tests
 * use, so that the doubles behave as the real stores do.
 */
abstract class StoreContract {
    static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");

    @Inject
    HistoryStore history;

    @Inject
    RoomDirectory directory;

    @Test
    void messagesGetGrowingIdsInAppendOrderAndPageBackwards() throws Exception {
        Room room = room(Visibility.PUBLIC);
        List<ChatMessage> stored = store(room, "ann", 7, null);

        for (int i = 1; i < stored.size(); i++) {
            assertTrue(stored.get(i).id() > stored.get(i - 1).id(), "ids grow in append order");
            assertEquals("m" + i, stored.get(i).text());
        }
        HistoryView all = new HistoryView("viewer", null, 0);
        HistoryPage newest = history.page(room.id(), all, null, 3);
        assertEquals(List.of("m4", "m5", "m6"), texts(newest.messages()), "the newest, oldest first");
        assertTrue(newest.more());
        HistoryPage older = history.page(room.id(), all, newest.messages().get(0).id(), 10);
        assertEquals(List.of("m0", "m1", "m2", "m3"), texts(older.messages()));
        assertFalse(older.more());
        assertEquals(stored.get(6).id(), history.lastId(room.id()));
    }

    @Test
    void pagingForwardGivesTheOldestNewerMessagesOldestFirst() throws Exception {
        Room room = room(Visibility.PUBLIC);
        List<ChatMessage> stored = store(room, "ann", 6, null);
        HistoryView all = new HistoryView("viewer", null, 0);

        HistoryPage next = history.pageAfter(room.id(), all, stored.get(1).id(), 3);
        assertEquals(List.of("m2", "m3", "m4"), texts(next.messages()));
        assertTrue(next.more());
        HistoryPage last = history.pageAfter(room.id(), all, next.messages().get(2).id(), 10);
        assertEquals(List.of("m5"), texts(last.messages()));
        assertFalse(last.more());
        assertEquals(List.of("m0", "m1"), texts(history.pageAfter(room.id(), all, 0, 2).messages()));
    }

    @Test
    void pagingForwardShowsOnlyWhatTheViewShowsAndNothingCleared() throws Exception {
        Room room = room(Visibility.PUBLIC);
        List<ChatMessage> before = store(room, "kim", 2, null);
        CountDownLatch cleared = new CountDownLatch(1);
        history.clear(room.id(), cleared::countDown, failure -> { });
        assertTrue(cleared.await(10, TimeUnit.SECONDS));
        storeOne(room, "kim", "for lee", "lee");
        storeOne(room, "kim", "for all", null);

        assertEquals(List.of("for all"), texts(history.pageAfter(room.id(), new HistoryView("mo", null, 0),
                before.get(0).id(), 10).messages()), "cleared and private messages are not shown");
        assertEquals(List.of("for lee", "for all"), texts(history.pageAfter(room.id(), new HistoryView("lee", null, 0),
                0, 10).messages()));
    }

    @Test
    void aGroupOfMessagesSubmittedTogetherIsDeliveredInIdOrderPerRoom() throws Exception {
        Room a = room(Visibility.PUBLIC);
        Room b = room(Visibility.PUBLIC);
        int each = 300;
        CountDownLatch done = new CountDownLatch(2 * each);
        Map<String, List<Long>> delivered = new ConcurrentHashMap<>();
        for (int i = 0; i < each; i++) {
            for (Room room : new Room[] {a, b}) {
                history.append(message(room, "bob", "n" + i, null), m -> {
                    delivered.computeIfAbsent(m.roomId(), r -> new ArrayList<>()).add(m.id());
                    done.countDown();
                }, failure -> done.countDown());
            }
        }
        assertTrue(done.await(60, TimeUnit.SECONDS));
        for (Room room : new Room[] {a, b}) {
            List<Long> ids = delivered.get(room.id());
            assertEquals(each, ids.size(), "every message committed");
            assertEquals(ids.stream().sorted().collect(Collectors.toList()), ids, "delivered in id order");
        }
    }

    @Test
    void privateMessagesAreShownOnlyToTheirTwoUsers() throws Exception {
        Room room = room(Visibility.PUBLIC);
        store(room, "dee", 1, null);
        storeOne(room, "dee", "psst", "eve");

        assertEquals(List.of("m0", "psst"), texts(history.page(room.id(), new HistoryView("dee", null, 0), null, 10).messages()));
        assertEquals(List.of("m0", "psst"), texts(history.page(room.id(), new HistoryView("eve", null, 0), null, 10).messages()));
        assertEquals(List.of("m0"), texts(history.page(room.id(), new HistoryView("fay", null, 0), null, 10).messages()));
    }

    @Test
    void aSinceJoinViewHidesWhatWasSaidBefore() throws Exception {
        Room room = room(Visibility.PUBLIC);
        storeOne(room, "gus", "early", null, T0);
        storeOne(room, "gus", "late", null, T0.plus(2, ChronoUnit.HOURS));

        HistoryView sinceJoin = new HistoryView("hal", T0.plus(1, ChronoUnit.HOURS), 0);
        assertEquals(List.of("late"), texts(history.page(room.id(), sinceJoin, null, 10).messages()));
    }

    @Test
    void clearingHidesHistoryFromMembersButAdministratorsSeeItMarked() throws Exception {
        Room room = room(Visibility.PUBLIC);
        store(room, "ivy", 2, null);
        CountDownLatch cleared = new CountDownLatch(1);
        history.clear(room.id(), cleared::countDown, failure -> { });
        assertTrue(cleared.await(10, TimeUnit.SECONDS));
        storeOne(room, "ivy", "after clear", null);

        assertEquals(List.of("after clear"), texts(history.page(room.id(), new HistoryView("v", null, 0), null, 10).messages()));
        List<ArchivedMessage> admin = history.search(query(room, null, true, List.of(), 10));
        assertEquals(3, admin.size());
        assertFalse(admin.get(0).cleared());
        assertTrue(admin.get(1).cleared());
        assertEquals(1, history.search(query(room, null, false, List.of(), 10)).size());
    }

    @Test
    void searchFindsEveryWordIgnoringCaseAndTakesWildcardsLiterally() throws Exception {
        Room room = room(Visibility.PUBLIC);
        storeOne(room, "jo", "The Release is Friday", null);
        storeOne(room, "jo", "release notes", null);
        storeOne(room, "kim", "Friday release party, 100% sure", null);
        storeOne(room, "kim", "100 percent", null);

        assertEquals(List.of("Friday release party, 100% sure", "The Release is Friday"),
                archivedTexts(history.search(query(room, null, false, List.of("RELEASE", "friday"), 10))));
        assertEquals(List.of("Friday release party, 100% sure"),
                archivedTexts(history.search(query(room, null, false, List.of("100%"), 10))));
        MessageQuery byKim = new MessageQuery(room.id(), null, null, null, null, null, "kim",
                List.of(), false, 10);
        assertEquals(List.of("100 percent", "Friday release party, 100% sure"), archivedTexts(history.search(byKim)));
    }

    @Test
    void searchPagesByIdAndFiltersByTime() throws Exception {
        Room room = room(Visibility.PUBLIC);
        for (int i = 0; i < 5; i++) {
            storeOne(room, "lou", "t" + i, null, T0.plus(i, ChronoUnit.MINUTES));
        }
        List<ArchivedMessage> first = history.search(query(room, null, false, List.of(), 2));
        assertEquals(List.of("t4", "t3"), archivedTexts(first));
        MessageQuery next = new MessageQuery(room.id(), null, first.get(1).message().id(), null, null, null, null,
                List.of(), false, 2);
        assertEquals(List.of("t2", "t1"), archivedTexts(history.search(next)));
        MessageQuery window = new MessageQuery(room.id(), null, null, null, T0.plus(1, ChronoUnit.MINUTES),
                T0.plus(3, ChronoUnit.MINUTES), null, List.of(), false, 10);
        assertEquals(List.of("t2", "t1"), archivedTexts(history.search(window)), "since inclusive, until exclusive");
    }

    @Test
    void exportStreamsTheWholeHistoryOldestFirst() throws Exception {
        Room room = room(Visibility.PUBLIC);
        List<ChatMessage> stored = store(room, "max", 1205, null);
        List<Long> exported = new ArrayList<>();
        history.export(room.id(), false, m -> exported.add(m.message().id()));
        assertEquals(stored.stream().map(ChatMessage::id).collect(Collectors.toList()), exported);
    }

    @Test
    void aRoomIdCanBeCreatedOnceAndItsCreatorIsOwner() {
        Room room = room(Visibility.PRIVATE);
        assertTrue(directory.create(room, "Creator").isEmpty(), "the id is taken");
        assertEquals(Role.OWNER, directory.member(room.id(), room.createdBy()).orElseThrow().role());
        assertEquals(room, directory.find(room.id()).orElseThrow());
    }

    @Test
    void enrollingTwiceKeepsTheFirstMembership() {
        Room room = room(Visibility.PUBLIC);
        Instant first = T0;
        directory.enroll(room.id(), "nia", "Nia", Role.MEMBER, first);
        directory.enroll(room.id(), "nia", "Nia", Role.MODERATOR, T0.plus(1, ChronoUnit.DAYS));
        assertEquals(first, directory.member(room.id(), "nia").orElseThrow().joinedAt());
        assertEquals(Role.MEMBER, directory.member(room.id(), "nia").orElseThrow().role());
    }

    @Test
    void settingARoleAddsAMemberOrChangesTheirRole() {
        Room room = room(Visibility.PRIVATE);
        Enrolment added = directory.setRole(room.id(), "oli", "oli", Role.MODERATOR, T0);
        assertTrue(added.created());
        Enrolment changed = directory.setRole(room.id(), "oli", "oli", Role.MEMBER, T0);
        assertFalse(changed.created());
        assertEquals(Role.MEMBER, directory.member(room.id(), "oli").orElseThrow().role());
        assertTrue(directory.remove(room.id(), "oli"));
        assertFalse(directory.remove(room.id(), "oli"));
    }

    @Test
    void roomsAreListedByWhatAUserMayEnter() {
        Room open = room(Visibility.PUBLIC);
        Room closed = room(Visibility.PRIVATE);
        Room mine = room(Visibility.PRIVATE);
        String user = "pia-" + UUID.randomUUID();
        directory.setRole(mine.id(), user, "Pia", Role.MEMBER, T0);

        List<String> enterable = directory.enterable(user).stream().map(Room::id).collect(Collectors.toList());
        assertTrue(enterable.contains(open.id()));
        assertTrue(enterable.contains(mine.id()));
        assertFalse(enterable.contains(closed.id()));
        assertEquals(List.of(mine.id()), directory.memberOf(user).stream().map(Room::id).collect(Collectors.toList()));
        assertEquals(Map.of(mine.id(), Role.MEMBER), directory.roles(user), "the user's roles, in one query");
    }

    @Test
    void changingAndDeletingARoomTakesItsMembersAndMessagesWithIt() throws Exception {
        Room room = room(Visibility.PUBLIC);
        store(room, "quinn", 3, null);
        Room changed = directory.update(room.id(), new RoomChange("Renamed", null, HistorySetting.NONE)).orElseThrow();
        assertEquals("Renamed", changed.name());
        assertEquals(Visibility.PUBLIC, changed.visibility());
        assertEquals(HistorySetting.NONE, changed.history());

        history.forget(room.id());
        assertTrue(directory.delete(room.id()));
        assertTrue(directory.find(room.id()).isEmpty());
        assertTrue(directory.members(room.id()).isEmpty());
        assertTrue(history.search(query(room, null, true, List.of(), 10)).isEmpty());
        assertFalse(directory.delete(room.id()));
    }

    @Test
    void aForgottenRoomHasNoMessagesAndLastIdZero() throws Exception {
        Room room = room(Visibility.PUBLIC);
        Room other = room(Visibility.PUBLIC);
        List<ChatMessage> stored = store(room, "rosa", 2, null);
        ChatMessage kept = storeOne(other, "rosa", "kept", null);
        assertEquals(stored.get(1).id(), history.lastId(room.id()), "the last id is known before");

        history.forget(room.id());

        assertEquals(0, history.lastId(room.id()));
        assertTrue(history.search(query(room, null, true, List.of(), 10)).isEmpty());
        assertTrue(history.page(room.id(), new HistoryView("viewer", null, 0), null, 10).messages().isEmpty());
        assertEquals(kept.id(), history.lastId(other.id()), "other rooms keep theirs");
    }

    Room room(Visibility visibility) {
        String id = "store-" + UUID.randomUUID().toString().substring(0, 18);
        Room room = new Room(id, "Room " + id, visibility, HistorySetting.SHARED, id + "-creator", T0);
        assertNotNull(directory.create(room, "Creator").orElseThrow());
        return room;
    }

    NewMessage message(Room room, String user, String text, String to) {
        return message(room, user, text, to, T0);
    }

    NewMessage message(Room room, String user, String text, String to, Instant at) {
        return new NewMessage(room.id(), user, user, text, to, at);
    }

    List<ChatMessage> store(Room room, String user, int count, String to) throws Exception {
        List<ChatMessage> stored = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            history.append(message(room, user, "m" + i, to), m -> {
                synchronized (stored) {
                    stored.add(m);
                }
                done.countDown();
            }, failure -> done.countDown());
        }
        assertTrue(done.await(60, TimeUnit.SECONDS));
        assertEquals(count, stored.size(), "every message committed");
        return stored;
    }

    ChatMessage storeOne(Room room, String user, String text, String to) throws Exception {
        return storeOne(room, user, text, to, T0);
    }

    ChatMessage storeOne(Room room, String user, String text, String to, Instant at) throws Exception {
        ChatMessage[] stored = new ChatMessage[1];
        CountDownLatch done = new CountDownLatch(1);
        history.append(message(room, user, text, to, at), m -> {
            stored[0] = m;
            done.countDown();
        }, failure -> done.countDown());
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertNotNull(stored[0], "stored");
        return stored[0];
    }

    static MessageQuery query(Room room, HistoryView view, boolean includeCleared, List<String> words, int limit) {
        return new MessageQuery(room.id(), view, null, null, null, null, null, words, includeCleared, limit);
    }

    static List<String> texts(List<ChatMessage> messages) {
        return messages.stream().map(ChatMessage::text).collect(Collectors.toList());
    }

    static List<String> archivedTexts(List<ArchivedMessage> messages) {
        return messages.stream().map(m -> m.message().text()).collect(Collectors.toList());
    }
}
