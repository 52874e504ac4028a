package com.rooms.room;

import java.util.ArrayList;
import java.util.List;

import com.rooms.history.HistoryPage;
import com.rooms.protocol.FrameRejected;

/**
 * The {@code history} a joining client is shown. It is read from the store
 * outside the room's lock, so a slow database never stalls the room (or the
 * chat writer, which delivers under it); frames for the newcomer meanwhile
 * wait in its hold and follow the history, without the messages it already
 * showed. When the store cannot be read the client gets an empty history and
 * {@code unavailable}, and stays.
 */
final class HistoryOnJoin {
    private final RoomServices services;
    private final ServerFrames frames;

    HistoryOnJoin(RoomServices services, ServerFrames frames) {
        this.services = services;
        this.frames = frames;
    }

    void show(ChatClient client, String roomId, long now) {
        List<Outbound> first = new ArrayList<>(2);
        long upTo;
        try {
            long last = services.history().lastId(roomId);
            HistoryPage page = services.history().page(roomId, client.historyView(), null, services.historyOnJoin());
            long shown = page.messages().isEmpty() ? 0 : page.messages().get(page.messages().size() - 1).id();
            upTo = Math.max(last, shown);
            first.add(frames.history(client, page, null, now));
        } catch (RuntimeException storageDown) {
            upTo = 0;
            first.add(frames.history(client, new HistoryPage(List.of(), false), null, now));
            FrameRejected missing = Storage.down(Storage.HISTORY_UNREADABLE, null);
            services.metrics().errorSent(missing.code().wire());
            first.add(frames.error(client, missing, now));
        }
        client.showHistory(first, upTo);
    }
}
