package com.rooms.history;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import com.rooms.storage.GroupCommit;
import com.rooms.storage.Times;
import com.rooms.storage.Transactions;
import com.rooms.storage.Write;

/**
 * Chat history in the database. Messages go through the {@link GroupCommit}:
 * a message is handed to {@code stored} (and so delivered) only after the
 * transaction that wrote it committed.
 */
@ApplicationScoped
public class JpaHistoryStore implements HistoryStore {
    static final int EXPORT_CHUNK = 1000;

    @Inject
    Transactions tx;

    @Inject
    GroupCommit writer;

    @Inject
    Clock clock;

    /** The newest committed id per room, so joining clients need not ask the database. */
    private final Map<String, Long> lastIds = new ConcurrentHashMap<>();

    @Override
    public void append(NewMessage message, Consumer<ChatMessage> stored, Consumer<RuntimeException> failed) {
        writer.submit(new Write() {
            private MessageRow row;

            @Override
            public void apply(EntityManager em) {
                row = new MessageRow(message);
                em.persist(row);
            }

            @Override
            public void committed() {
                lastIds.merge(message.roomId(), row.id, Math::max);
                stored.accept(row.toMessage());
            }

            @Override
            public void failed(RuntimeException cause) {
                failed.accept(cause);
            }
        });
    }

    /** The same query as {@link #search}, for one viewer and without cleared messages; one more row tells {@code more}. */
    @Override
    public HistoryPage page(String roomId, HistoryView view, Long beforeId, int limit) {
        List<ArchivedMessage> rows = search(new MessageQuery(roomId, view, beforeId, null, null, null, null, List.of(),
                false, limit + 1));
        boolean more = rows.size() > limit;
        List<ChatMessage> page = rows.stream().limit(limit).map(ArchivedMessage::message).collect(Collectors.toList());
        Collections.reverse(page);
        return new HistoryPage(page, more);
    }

    /** As {@link #page}, the other way: ids above {@code afterId}, oldest first. */
    @Override
    public HistoryPage pageAfter(String roomId, HistoryView view, long afterId, int limit) {
        List<ArchivedMessage> rows = search(new MessageQuery(roomId, view, null, afterId, null, null, null, List.of(),
                false, limit + 1), true);
        boolean more = rows.size() > limit;
        return new HistoryPage(rows.stream().limit(limit).map(ArchivedMessage::message).collect(Collectors.toList()),
                more);
    }

    @Override
    public long lastId(String roomId) {
        Long known = lastIds.get(roomId);
        if (known != null) {
            return known;
        }
        Long max = tx.read(em -> em.createQuery("SELECT MAX(m.id) FROM MessageRow m WHERE m.roomId = :room", Long.class)
                .setParameter("room", roomId).getSingleResult());
        long last = max == null ? 0 : max;
        return lastIds.merge(roomId, last, Math::max);
    }

    @Override
    public void clear(String roomId, Runnable cleared, Consumer<RuntimeException> failed) {
        OffsetDateTime now = Times.column(clock.instant());
        writer.submit(new Write() {
            @Override
            public void apply(EntityManager em) {
                em.createQuery("UPDATE MessageRow m SET m.clearedAt = :now WHERE m.roomId = :room AND m.clearedAt IS NULL")
                        .setParameter("now", now).setParameter("room", roomId).executeUpdate();
            }

            @Override
            public void committed() {
                cleared.run();
            }

            @Override
            public void failed(RuntimeException cause) {
                failed.accept(cause);
            }
        });
    }

    @Override
    public List<ArchivedMessage> search(MessageQuery q) {
        return search(q, false);
    }

    /** The search, newest first or ({@code oldestFirst}) oldest first. */
    private List<ArchivedMessage> search(MessageQuery q, boolean oldestFirst) {
        return tx.read(em -> {
            StringBuilder jpql = new StringBuilder("SELECT m FROM MessageRow m WHERE m.roomId = :room");
            if (!q.includeCleared()) {
                jpql.append(" AND m.clearedAt IS NULL");
            }
            if (q.view() != null) {
                jpql.append(" AND m.id > :viewAfter"
                        + " AND (m.receiverUserId IS NULL OR m.receiverUserId = :viewer OR m.senderUserId = :viewer)");
                if (q.view().sentSince() != null) {
                    jpql.append(" AND m.sentAt >= :viewSince");
                }
            }
            if (q.beforeId() != null) {
                jpql.append(" AND m.id < :before");
            }
            if (q.afterId() != null) {
                jpql.append(" AND m.id > :after");
            }
            if (q.since() != null) {
                jpql.append(" AND m.sentAt >= :since");
            }
            if (q.until() != null) {
                jpql.append(" AND m.sentAt < :until");
            }
            if (q.userId() != null) {
                jpql.append(" AND m.senderUserId = :user");
            }
            for (int i = 0; i < q.words().size(); i++) {
                jpql.append(" AND LOWER(m.body) LIKE :w").append(i).append(" ESCAPE '\\'");
            }
            jpql.append(oldestFirst ? " ORDER BY m.id ASC" : " ORDER BY m.id DESC");
            TypedQuery<MessageRow> query = em.createQuery(jpql.toString(), MessageRow.class)
                    .setParameter("room", q.roomId()).setMaxResults(q.limit());
            if (q.view() != null) {
                query.setParameter("viewAfter", q.view().afterId()).setParameter("viewer", q.view().userId());
                if (q.view().sentSince() != null) {
                    query.setParameter("viewSince", Times.column(q.view().sentSince()));
                }
            }
            if (q.beforeId() != null) {
                query.setParameter("before", q.beforeId());
            }
            if (q.afterId() != null) {
                query.setParameter("after", q.afterId());
            }
            if (q.since() != null) {
                query.setParameter("since", Times.column(q.since()));
            }
            if (q.until() != null) {
                query.setParameter("until", Times.column(q.until()));
            }
            if (q.userId() != null) {
                query.setParameter("user", q.userId());
            }
            for (int i = 0; i < q.words().size(); i++) {
                query.setParameter("w" + i, "%" + likeEscaped(q.words().get(i).toLowerCase(Locale.ROOT)) + "%");
            }
            return query.getResultList().stream().map(MessageRow::toArchived).collect(Collectors.toList());
        });
    }

    static String likeEscaped(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Override
    public void export(String roomId, boolean includeCleared, Consumer<ArchivedMessage> each) {
        long after = 0;
        while (true) {
            long from = after;
            List<MessageRow> chunk = tx.read(em -> em.createQuery("SELECT m FROM MessageRow m WHERE m.roomId = :room"
                    + " AND m.id > :after" + (includeCleared ? "" : " AND m.clearedAt IS NULL") + " ORDER BY m.id",
                    MessageRow.class).setParameter("room", roomId).setParameter("after", from)
                    .setMaxResults(EXPORT_CHUNK).getResultList());
            for (MessageRow row : chunk) {
                each.accept(row.toArchived());
                after = row.id;
            }
            if (chunk.size() < EXPORT_CHUNK) {
                return;
            }
        }
    }

    /**
     * Room by room, so no single statement locks a whole table's worth of
     * rows; each room's delete is one transaction.
     */
    @Override
    public Map<String, Integer> purgeBefore(Instant cutoff) {
        OffsetDateTime before = Times.column(cutoff);
        List<String> rooms = tx.read(em -> em.createQuery("SELECT DISTINCT m.roomId FROM MessageRow m"
                + " WHERE m.sentAt < :before", String.class).setParameter("before", before).getResultList());
        Map<String, Integer> purged = new TreeMap<>();
        for (String roomId : rooms) {
            int deleted = tx.call(em -> em.createQuery("DELETE FROM MessageRow m WHERE m.roomId = :room"
                    + " AND m.sentAt < :before").setParameter("room", roomId).setParameter("before", before)
                    .executeUpdate());
            if (deleted > 0) {
                purged.put(roomId, deleted);
            }
        }
        return purged;
    }

    @Override
    public void forget(String roomId) {
        tx.run(em -> em.createQuery("DELETE FROM MessageRow m WHERE m.roomId = :room").setParameter("room", roomId)
                .executeUpdate());
        lastIds.remove(roomId);
    }
}
