package com.rooms.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.rooms.audit.AuditTrail;
import com.rooms.history.HistoryStore;
import com.rooms.history.RetentionSettings;
import com.rooms.ice.IceServers;
import com.rooms.live.LiveRooms;
import com.rooms.membership.RoomAccess;
import com.rooms.membership.RoomDirectory;
import com.rooms.protocol.FrameDecoder;
import com.rooms.protocol.FrameEncoder;
import com.rooms.room.ClientIds;
import com.rooms.room.NodeSettings;
import com.rooms.room.RoomMetrics;
import com.rooms.room.RoomServices;
import com.rooms.security.DevSignIn;
import com.rooms.security.HandshakeLimits;
import com.rooms.security.Origins;
import com.rooms.security.PortalKeys;
import com.rooms.security.Throttle;
import com.rooms.security.TicketBook;
import com.rooms.security.JwtVerifier;
import com.rooms.security.PemKeys;
import com.rooms.security.SignInSetup;
import com.rooms.security.Unconfigured;
import com.rooms.storage.GroupCommit;
import com.rooms.storage.Transactions;

/** Builds the plain objects of the domain from configuration. */
@ApplicationScoped
public class Wiring {
    private static final Logger LOG = Logger.getLogger(Wiring.class.getName());

    @Inject
    RoomsConfig config;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Checks the sign-in configuration at start-up: a contradictory one stops the deployment. */
    void startUp(@Observes @Initialized(ApplicationScoped.class) Object ignored, SignInSetup signIn) {
        if (signIn.devSignIn() != null) {
            LOG.warning("rooms.mode=dev: the demo sign-in (POST /api/dev/token) is ON and rooms are created on first"
                    + " join. Never run this configuration where other people can reach it.");
        } else if (signIn.problem() != null) {
            LOG.severe("Nobody can sign in: " + signIn.problem());
        }
        if (config.bench()) {
            LOG.warning("rooms.bench=true: the bare relay /bench/relay/* and /api/bench/heap are installed, and frame"
                    + " rates and handshake throttles are OFF. For load tests only.");
        } else if (config.benchRefused()) {
            LOG.warning("rooms.bench=true is ignored: benchmark mode is only honoured with rooms.mode=dev.");
        }
    }

    @Produces
    @Singleton
    SignInSetup signIn() {
        JwtVerifier.Claims claims = new JwtVerifier.Claims(config.userClaim(), config.nameClaim(),
                config.groupsClaim(), config.adminGroup());
        if (config.dev()) {
            if (config.publicKeyLocation().isPresent() || config.jwksLocation().isPresent()) {
                throw new IllegalStateException("rooms.mode=dev cannot be combined with rooms.jwt.publickey.location"
                        + " or rooms.jwt.jwks.location: the demo sign-in would stand beside the portal's."
                        + " Remove one of them.");
            }
            DevSignIn dev = new DevSignIn(RoomsConfig.DEV_ISSUER, RoomsConfig.DEV_AUDIENCE);
            return new SignInSetup(new JwtVerifier(dev.publicKey(), RoomsConfig.DEV_ISSUER, RoomsConfig.DEV_AUDIENCE,
                    config.clockSkewSeconds(), claims), dev, null);
        }
        if (config.publicKeyLocation().isPresent() && config.jwksLocation().isPresent()) {
            return new SignInSetup(new Unconfigured(), null,
                    "set one of rooms.jwt.publickey.location and rooms.jwt.jwks.location, not both");
        }
        if (config.publicKeyLocation().isEmpty() && config.jwksLocation().isEmpty()) {
            return new SignInSetup(new Unconfigured(), null,
                    "no portal key is configured (rooms.jwt.jwks.location or rooms.jwt.publickey.location)");
        }
        if (config.issuer().isEmpty() || config.audience().isEmpty()) {
            return new SignInSetup(new Unconfigured(), null, "rooms.jwt.issuer and rooms.jwt.audience must both be set");
        }
        if (config.jwksLocation().isPresent()) {
            String jwks = config.jwksLocation().get();
            try {
                return new SignInSetup(new JwtVerifier(PortalKeys.resolver(jwks), config.issuer().get(),
                        config.audience().get(), config.clockSkewSeconds(), claims), null, null);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.SEVERE, "cannot read the portal's keys from " + jwks, e);
                return new SignInSetup(new Unconfigured(), null, "cannot read the portal's keys from " + jwks);
            }
        }
        String location = config.publicKeyLocation().get();
        try {
            PublicKey key = PemKeys.publicKey(read(location));
            return new SignInSetup(new JwtVerifier(key, config.issuer().get(), config.audience().get(),
                    config.clockSkewSeconds(), claims), null, null);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "cannot read the portal key from " + location, e);
            return new SignInSetup(new Unconfigured(), null, "cannot read the portal key from " + location);
        }
    }

    private static String read(String location) throws IOException {
        if (location.contains("://")) {
            try (InputStream in = URI.create(location).toURL().openStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return Files.readString(Path.of(location));
    }

    @Produces
    @Singleton
    TicketBook tickets(Clock clock) {
        long window = TimeUnit.SECONDS.toNanos(config.handshakeWindowSeconds());
        return new TicketBook(clock, new Throttle(config.bench() ? 0 : config.ticketsPerUser(), window, 100_000));
    }

    @Produces
    @Singleton
    Origins origins() {
        return new Origins(config.origins());
    }

    @Produces
    @Singleton
    HandshakeLimits handshakeLimits() {
        long window = TimeUnit.SECONDS.toNanos(config.handshakeWindowSeconds());
        int perUser = config.bench() ? 0 : config.handshakesPerUser();
        int perAddress = config.bench() ? 0 : config.handshakesPerAddress();
        return new HandshakeLimits(new Throttle(perUser, window, 100_000),
                new Throttle(perAddress, window, 100_000));
    }

    @Produces
    @Singleton
    FrameDecoder decoder() {
        return new FrameDecoder();
    }

    @Produces
    @Singleton
    FrameEncoder encoder() {
        return new FrameEncoder();
    }

    void closeEncoder(@Disposes FrameEncoder encoder) throws Exception {
        encoder.close();
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    IceServers iceServers() {
        return new IceServers(config.stunUrls(), config.turnUrls(), config.turnSecret(), config.turnTtl());
    }

    @Produces
    @Singleton
    RetentionSettings retentionSettings() {
        return new RetentionSettings(config.retentionDays(), config.retentionCheckMinutes());
    }

    @Produces
    @Singleton
    NodeSettings nodeSettings() {
        return new NodeSettings(config.nodeId().orElseGet(ClientIds::randomNodeId), config.keepAliveSeconds(),
                config.bench() ? 0 : config.connectionsPerUserInRoom(), config.bench() ? 0 : config.connectionsPerUser(),
                config.resumeWindowSeconds());
    }

    @Produces
    @Singleton
    RoomAccess roomAccess(RoomDirectory directory, Clock clock, LiveRooms live) {
        return new RoomAccess(directory, config.dev(), clock, live::online);
    }

    @Produces
    @Singleton
    RoomServices roomServices(FrameDecoder decoder, FrameEncoder encoder, HistoryStore history,
                              RoomDirectory directory, AuditTrail audit, IceServers ice, SignInSetup signIn,
                              RoomMetrics metrics, Clock clock) {
        int onJoin = Math.max(0, Math.min(config.historyOnJoin(), FrameDecoder.MAX_HISTORY_LIMIT));
        return new RoomServices(decoder, encoder, history, directory, audit, ice, signIn.verifier(), metrics,
                executor, (task, ms) -> scheduler.schedule(task, ms, TimeUnit.MILLISECONDS), clock, onJoin,
                !config.bench());
    }

    /** The one writer of chat, presence notes and audit events: see {@link GroupCommit}. */
    @Produces
    @Singleton
    GroupCommit groupCommit(Transactions tx) {
        return new GroupCommit(tx::run, executor);
    }
}
