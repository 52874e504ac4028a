package com.rooms.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Chat history in memory, for tests of the room logic: gone at a restart.
 * Readers never take a lock; appends to one room are serialised so callbacks
 * run in id order.
 */
public class InMemoryHistoryStore implements HistoryStore {
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, RoomLog> logs = new ConcurrentHashMap<>();

    private static final class RoomLog {
        final NavigableMap<Long, ChatMessage> messages = new ConcurrentSkipListMap<>();
        volatile long clearedUpTo;
    }

    private RoomLog log(String roomId) {
        return logs.computeIfAbsent(roomId, id -> new RoomLog());
    }

    @Override
    public void append(NewMessage m, Consumer<ChatMessage> stored, Consumer<RuntimeException> failed) {
        RoomLog log = log(m.roomId());
        synchronized (log) {
            ChatMessage message = new ChatMessage(ids.incrementAndGet(), m.roomId(), m.userId(), m.displayName(),
                    m.text(), m.toUserId(), m.sentAt());
            log.messages.put(message.id(), message);
            stored.accept(message);
        }
    }

    @Override
    public HistoryPage page(String roomId, HistoryView view, Long beforeId, int limit) {
        RoomLog log = logs.get(roomId);
        if (log == null) {
            return new HistoryPage(List.of(), false);
        }
        NavigableMap<Long, ChatMessage> older = beforeId == null
                ? log.messages.descendingMap()
                : log.messages.headMap(beforeId, false).descendingMap();
        HistoryPage newestFirst = firstShown(older.headMap(log.clearedUpTo, false).values(), view, limit);
        List<ChatMessage> page = new ArrayList<>(newestFirst.messages());
        Collections.reverse(page);
        return new HistoryPage(page, newestFirst.more());
    }

    /** Up to {@code limit} of the messages the view shows, in their order; {@code more} when others follow. */
    private static HistoryPage firstShown(Iterable<ChatMessage> messages, HistoryView view, int limit) {
        List<ChatMessage> page = new ArrayList<>(Math.min(limit, 64));
        for (ChatMessage m : messages) {
            if (!view.shows(m)) {
                continue;
            }
            if (page.size() == limit) {
                return new HistoryPage(page, true);
            }
            page.add(m);
        }
        return new HistoryPage(page, false);
    }

    @Override
    public HistoryPage pageAfter(String roomId, HistoryView view, long afterId, int limit) {
        RoomLog log = logs.get(roomId);
        if (log == null) {
            return new HistoryPage(List.of(), false);
        }
        return firstShown(log.messages.tailMap(Math.max(afterId, log.clearedUpTo), false).values(), view, limit);
    }

    @Override
    public long lastId(String roomId) {
        RoomLog log = logs.get(roomId);
        if (log == null || log.messages.isEmpty()) {
            return 0;
        }
        return log.messages.lastKey();
    }

    @Override
    public void forget(String roomId) {
        logs.remove(roomId);
    }

    @Override
    public void clear(String roomId, Runnable cleared, Consumer<RuntimeException> failed) {
        RoomLog log = log(roomId);
        synchronized (log) {
            log.clearedUpTo = log.messages.isEmpty() ? log.clearedUpTo : log.messages.lastKey();
        }
        cleared.run();
    }

    @Override
    public List<ArchivedMessage> search(MessageQuery q) {
        RoomLog log = logs.get(q.roomId());
        if (log == null) {
            return List.of();
        }
        List<ArchivedMessage> found = new ArrayList<>();
        for (ChatMessage m : log.messages.descendingMap().values()) {
            boolean cleared = m.id() <= log.clearedUpTo;
            if ((cleared && !q.includeCleared()) || (q.view() != null && !q.view().shows(m))
                    || (q.beforeId() != null && m.id() >= q.beforeId()) || (q.afterId() != null && m.id() <= q.afterId())
                    || (q.since() != null && m.sentAt().isBefore(q.since()))
                    || (q.until() != null && !m.sentAt().isBefore(q.until()))
                    || (q.userId() != null && !q.userId().equals(m.userId()))
                    || !q.words().stream().allMatch(w -> m.text().toLowerCase(Locale.ROOT)
                            .contains(w.toLowerCase(Locale.ROOT)))) {
                continue;
            }
            found.add(new ArchivedMessage(m, cleared));
            if (found.size() == q.limit()) {
                break;
            }
        }
        return found;
    }

    @Override
    public Map<String, Integer> purgeBefore(Instant cutoff) {
        Map<String, Integer> purged = new TreeMap<>();
        logs.forEach((roomId, log) -> {
            synchronized (log) {
                int before = log.messages.size();
                log.messages.values().removeIf(m -> m.sentAt().isBefore(cutoff));
                if (log.messages.size() < before) {
                    purged.put(roomId, before - log.messages.size());
                }
            }
        });
        return purged;
    }

    @Override
    public void export(String roomId, boolean includeCleared, Consumer<ArchivedMessage> each) {
        RoomLog log = logs.get(roomId);
        if (log != null) {
            for (ChatMessage m : log.messages.values()) {
                boolean cleared = m.id() <= log.clearedUpTo;
                if (includeCleared || !cleared) {
                    each.accept(new ArchivedMessage(m, cleared));
                }
            }
        }
    }
}
