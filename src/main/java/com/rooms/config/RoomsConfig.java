package com.rooms.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every application setting, read through MicroProfile Config (server.xml
 * variables, environment variables such as {@code ROOMS_ICE_STUN}, or system
 * properties). README.md lists them with their defaults.
 */
@ApplicationScoped
public class RoomsConfig {
    public static final String DEV_ISSUER = "rooms-dev";
    public static final String DEV_AUDIENCE = "rooms";

    @Inject
    @ConfigProperty(name = "rooms.mode", defaultValue = "production")
    String mode;

    @Inject
    @ConfigProperty(name = "rooms.bench", defaultValue = "false")
    boolean bench;

    @Inject
    @ConfigProperty(name = "rooms.node-id")
    Optional<String> nodeId;

    @Inject
    @ConfigProperty(name = "rooms.history.on-join", defaultValue = "50")
    int historyOnJoin;

    @Inject
    @ConfigProperty(name = "rooms.keepalive.interval", defaultValue = "30")
    int keepAliveSeconds;

    @Inject
    @ConfigProperty(name = "rooms.resume.window", defaultValue = "20")
    int resumeWindowSeconds;

    @Inject
    @ConfigProperty(name = "rooms.origins")
    Optional<String> origins;

    @Inject
    @ConfigProperty(name = "rooms.handshake.per-user", defaultValue = "20")
    int handshakesPerUser;

    @Inject
    @ConfigProperty(name = "rooms.handshake.per-address", defaultValue = "60")
    int handshakesPerAddress;

    @Inject
    @ConfigProperty(name = "rooms.handshake.window", defaultValue = "10")
    int handshakeWindowSeconds;

    @Inject
    @ConfigProperty(name = "rooms.connections.per-user-room", defaultValue = "5")
    int connectionsPerUserInRoom;

    @Inject
    @ConfigProperty(name = "rooms.connections.per-user", defaultValue = "20")
    int connectionsPerUser;

    @Inject
    @ConfigProperty(name = "rooms.tickets.per-user", defaultValue = "30")
    int ticketsPerUser;

    @Inject
    @ConfigProperty(name = "rooms.jwt.jwks.location")
    Optional<String> jwksLocation;

    @Inject
    @ConfigProperty(name = "rooms.retention.days", defaultValue = "0")
    int retentionDays;

    @Inject
    @ConfigProperty(name = "rooms.retention.check-minutes", defaultValue = "60")
    int retentionCheckMinutes;

    @Inject
    @ConfigProperty(name = "rooms.ice.stun")
    Optional<String> stunUrls;

    @Inject
    @ConfigProperty(name = "rooms.ice.turn.urls")
    Optional<String> turnUrls;

    @Inject
    @ConfigProperty(name = "rooms.ice.turn.secret")
    Optional<String> turnSecret;

    @Inject
    @ConfigProperty(name = "rooms.ice.turn.ttl", defaultValue = "3600")
    long turnTtlSeconds;

    @Inject
    @ConfigProperty(name = "rooms.jwt.publickey.location")
    Optional<String> publicKeyLocation;

    @Inject
    @ConfigProperty(name = "rooms.jwt.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "rooms.jwt.audience")
    Optional<String> audience;

    @Inject
    @ConfigProperty(name = "rooms.jwt.clock-skew", defaultValue = "30")
    int clockSkewSeconds;

    @Inject
    @ConfigProperty(name = "rooms.jwt.claim.user", defaultValue = "sub")
    String userClaim;

    @Inject
    @ConfigProperty(name = "rooms.jwt.claim.name", defaultValue = "name")
    String nameClaim;

    @Inject
    @ConfigProperty(name = "rooms.jwt.claim.groups", defaultValue = "groups")
    String groupsClaim;

    @Inject
    @ConfigProperty(name = "rooms.admin-group", defaultValue = "admin")
    String adminGroup;

    /** The dev configuration: demo sign-in, rooms created on first join. Anything but "dev" is production. */
    public boolean dev() {
        return "dev".equals(mode.trim());
    }

    /**
     * Benchmark mode (docs/performance.md): the bare forwarding endpoint and
     * the heap probe are installed, and the per-connection frame rates and
     * handshake throttles are lifted. Honoured in the dev mode only.
     */
    public boolean bench() {
        return bench && dev();
    }

    /** Benchmark mode was asked for where it is not allowed. */
    public boolean benchRefused() {
        return bench && !dev();
    }

    public Optional<String> nodeId() {
        return nodeId.map(String::trim).filter(s -> !s.isEmpty());
    }

    public int historyOnJoin() {
        return historyOnJoin;
    }

    public int keepAliveSeconds() {
        return keepAliveSeconds;
    }

    /** Seconds a dropped connection's place is kept for a resume, 0 to 600 (0: resume is off). */
    public int resumeWindowSeconds() {
        if (resumeWindowSeconds < 0 || resumeWindowSeconds > 600) {
            throw new IllegalStateException("rooms.resume.window must be 0 to 600 seconds, got " + resumeWindowSeconds);
        }
        return resumeWindowSeconds;
    }

    /** Origins (scheme://host[:port]) allowed to open sockets and call the API from a browser, besides the server's own. */
    public List<String> origins() {
        return list(origins);
    }

    /** Handshakes one user may make per window; 0 turns the limit off. */
    public int handshakesPerUser() {
        return Math.max(0, handshakesPerUser);
    }

    /** Handshakes one address may make per window; 0 turns the limit off. */
    public int handshakesPerAddress() {
        return Math.max(0, handshakesPerAddress);
    }

    public int handshakeWindowSeconds() {
        return Math.max(1, handshakeWindowSeconds);
    }

    /** Where the portal publishes its keys as a JWKS (a URL, or a file path). */
    public Optional<String> jwksLocation() {
        return jwksLocation;
    }

    /** Messages older than this many days are deleted; 0 keeps them for ever. */
    public int retentionDays() {
        return Math.max(0, retentionDays);
    }

    public int retentionCheckMinutes() {
        return Math.max(1, retentionCheckMinutes);
    }

    public List<String> stunUrls() {
        return list(stunUrls);
    }

    public List<String> turnUrls() {
        return list(turnUrls);
    }

    public String turnSecret() {
        return turnSecret.orElse("");
    }

    public Duration turnTtl() {
        return Duration.ofSeconds(turnTtlSeconds);
    }

    public Optional<String> publicKeyLocation() {
        return publicKeyLocation;
    }

    public Optional<String> issuer() {
        return issuer;
    }

    public Optional<String> audience() {
        return audience;
    }

    public int clockSkewSeconds() {
        return clockSkewSeconds;
    }

    public String userClaim() {
        return userClaim;
    }

    public String nameClaim() {
        return nameClaim;
    }

    public String groupsClaim() {
        return groupsClaim;
    }

    public String adminGroup() {
        return adminGroup;
    }

    private static List<String> list(Optional<String> value) {
        return value.map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    public int connectionsPerUserInRoom() {
        return Math.max(0, connectionsPerUserInRoom);
    }

    public int connectionsPerUser() {
        return Math.max(0, connectionsPerUser);
    }

    public int ticketsPerUser() {
        return Math.max(0, ticketsPerUser);
    }
}
