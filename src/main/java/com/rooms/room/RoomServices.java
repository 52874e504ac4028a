package com.rooms.room;

import java.time.Clock;
import java.util.concurrent.Executor;

import com.rooms.audit.AuditTrail;
import com.rooms.history.HistoryStore;
import com.rooms.ice.IceServers;
import com.rooms.membership.RoomDirectory;
import com.rooms.protocol.FrameDecoder;
import com.rooms.protocol.FrameEncoder;
import com.rooms.security.TokenVerifier;

/**
 * What every room needs from the rest of the server, in one place.
 *
 * @param closer        runs connection closes, which may block, off the caller's thread
 * @param later         runs a task after a delay (the wait of a deferrable frame)
 * @param historyOnJoin how many messages a joining client is shown
 * @param frameRates    whether PROTOCOL.md 4's per-connection frame rates apply (off only in benchmark mode)
 */
public record RoomServices(FrameDecoder decoder, FrameEncoder encoder, HistoryStore history,
                           RoomDirectory directory, AuditTrail audit, IceServers ice, TokenVerifier tokens, RoomMetrics metrics,
                           Executor closer, Later later, Clock clock, int historyOnJoin,
                           boolean frameRates) {
}
