package com.rooms.ice;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** TURN credentials (PROTOCOL.md 3.1 `ice-servers`) and the lifetimes the server accepts. */
class IceServersTest {
    private static final List<String> TURN = List.of("turns:turn.example.com:443?transport=tcp");

    @Test
    void aLifetimeTooShortToBeRefreshedBeforeItEndsIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new IceServers(List.of(), TURN, "secret", IceServers.REFRESH_LEAD.plusSeconds(4)));
        assertTrue(refused.getMessage().contains("at least 95"), refused.getMessage());
        assertDoesNotThrow(() -> new IceServers(List.of(), TURN, "secret", IceServers.REFRESH_LEAD.plusSeconds(5)));
    }

    @Test
    void turnWithoutASharedSecretIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new IceServers(List.of(), TURN, "", Duration.ofHours(1)));
    }

    @Test
    void theUsernameCarriesTheExpiryAndTheCredentialIsItsHmacUnderTheSecret() {
        IceServers ice = new IceServers(List.of("stun:s:3478"), TURN, "secret", Duration.ofSeconds(95));
        Instant now = Instant.parse("2026-12-06T10:00:00Z");
        IceGrant grant = ice.grant("ann", now);
        assertEquals(now.plusSeconds(95), grant.expiresAt());
        assertEquals(now.plusSeconds(95).getEpochSecond() + ":ann", grant.servers().get(1).username());
        assertEquals(ice.credential(grant.servers().get(1).username()), grant.servers().get(1).credential());
    }
}
