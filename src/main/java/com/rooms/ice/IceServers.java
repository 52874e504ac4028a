package com.rooms.ice;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.rooms.protocol.Payload;

/**
 * STUN and TURN servers from configuration. TURN credentials follow the TURN
 * REST scheme that coturn's {@code use-auth-secret} checks: the username is
 * {@code <expiry unix seconds>:<user id>}, the credential the base64
 * HMAC-SHA1 of that username under the shared secret.
 */
public final class IceServers {
    /** A client is sent fresh credentials this long before its current ones expire. */
    public static final Duration REFRESH_LEAD = Duration.ofSeconds(90);

    private final List<String> stunUrls;
    private final List<String> turnUrls;
    private final byte[] turnSecret;
    private final Duration turnTtl;

    public IceServers(List<String> stunUrls, List<String> turnUrls, String turnSecret, Duration turnTtl) {
        this.stunUrls = List.copyOf(stunUrls);
        this.turnUrls = List.copyOf(turnUrls);
        this.turnSecret = turnSecret == null ? new byte[0] : turnSecret.getBytes(StandardCharsets.UTF_8);
        this.turnTtl = turnTtl;
        if (!this.turnUrls.isEmpty() && this.turnSecret.length == 0) {
            throw new IllegalArgumentException("TURN urls are configured without a shared secret (rooms.ice.turn.secret)");
        }
        if (!this.turnUrls.isEmpty() && turnTtl.compareTo(REFRESH_LEAD.plusSeconds(5)) < 0) {
            throw new IllegalArgumentException("rooms.ice.turn.ttl must be at least "
                    + REFRESH_LEAD.plusSeconds(5).toSeconds() + " seconds");
        }
    }

    public boolean hasTurn() {
        return !turnUrls.isEmpty();
    }

    public IceGrant grant(String userId, Instant now) {
        List<Payload.IceServer> servers = new ArrayList<>(2);
        if (!stunUrls.isEmpty()) {
            servers.add(new Payload.IceServer(stunUrls, null, null));
        }
        if (!hasTurn()) {
            return new IceGrant(servers, null);
        }
        Instant expiry = now.plus(turnTtl);
        String username = expiry.getEpochSecond() + ":" + userId;
        servers.add(new Payload.IceServer(turnUrls, username, credential(username)));
        return new IceGrant(servers, Instant.ofEpochSecond(expiry.getEpochSecond()));
    }

    String credential(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(turnSecret, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }
}
