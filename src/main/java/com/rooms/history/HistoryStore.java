package com.rooms.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where chat is kept. The relay only ever talks to this interface.
 *
 * <p>Ordering contract: for one room, {@code stored} callbacks run one at a
 * time in the order of the ids the store assigned, so a room that delivers a
 * message from its callback shows every client the same order. A message is
 * passed to {@code stored} only once it is durable in the store.
 */
public interface HistoryStore {

    /** Stores the message, then calls {@code stored}; or calls {@code failed} and keeps nothing. */
    void append(NewMessage message, Consumer<ChatMessage> stored, Consumer<RuntimeException> failed);

    /** The newest messages the view shows that are older than {@code beforeId} (null: the newest). */
    HistoryPage page(String roomId, HistoryView view, Long beforeId, int limit);

    /**
     * The oldest messages the view shows that are newer than {@code afterId},
     * oldest first; {@code more} when newer ones still exist (a client that
     * was away catches up this way).
     */
    HistoryPage pageAfter(String roomId, HistoryView view, long afterId, int limit);

    /** The id of the room's newest message, 0 when it has none. */
    long lastId(String roomId);

    /**
     * Hides everything the room has said so far from everybody but
     * administrators, then calls {@code cleared}; or calls {@code failed}
     * and hides nothing. Ordered with {@link #append}: what was appended
     * before is cleared, what comes after is not.
     */
    void clear(String roomId, Runnable cleared, Consumer<RuntimeException> failed);

    /** One page of a search, newest first; at most {@code query.limit()} messages. */
    List<ArchivedMessage> search(MessageQuery query);

    /** Deletes every message sent before {@code cutoff}; answers how many, by room. */
    Map<String, Integer> purgeBefore(Instant cutoff);

    /** Deletes every message of the room (it is being deleted) and what the store knew of it: its last id is 0 after. */
    void forget(String roomId);

    /** Every message of the room, oldest first, read in chunks so any history fits in constant memory. */
    void export(String roomId, boolean includeCleared, Consumer<ArchivedMessage> each);
}
