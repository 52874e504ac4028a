package com.rooms.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

class JwtVerifierTest {
    private static final int SKEW = 30;

    private final KeyPair keys = rsa();
    private final JwtVerifier verifier = new JwtVerifier(keys.getPublic(), "portal", "rooms", SKEW,
            JwtVerifier.Claims.STANDARD);

    @Test
    void theIdentityExpiresAtExpPlusTheSkewWhichIsWhenTheHandshakeStopsAcceptingIt() throws Exception {
        long exp = Instant.now().getEpochSecond() + 12;
        assertEquals(Instant.ofEpochSecond(exp + SKEW), verifier.verify(token(exp)).expiresAt());
    }

    @Test
    void aTokenPastItsExpButWithinTheSkewIsAcceptedWithAnExpiryStillAhead() throws Exception {
        long exp = Instant.now().getEpochSecond() - 10;
        Identity late = verifier.verify(token(exp));
        assertTrue(late.expiresAt().isAfter(Instant.now()), "expires_at " + late.expiresAt() + " is not ahead");
    }

    @Test
    void aTokenPastItsExpAndTheSkewIsRefused() throws Exception {
        long exp = Instant.now().getEpochSecond() - SKEW - 5;
        assertEquals("token has expired", assertThrows(TokenRejected.class, () -> verifier.verify(token(exp))).getMessage());
    }

    @Test
    void aTokenExpiringAfterTheLastInstantJavaKnowsIsRefusedNotACrash() throws Exception {
        long exp = Instant.MAX.getEpochSecond() + 1;
        assertEquals("token expiry is out of range",
                assertThrows(TokenRejected.class, () -> verifier.verify(token(exp))).getMessage());
        assertEquals("token expiry is out of range",
                assertThrows(TokenRejected.class, () -> verifier.verify(token(Long.MAX_VALUE))).getMessage());
    }

    private String token(long exp) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("portal");
        claims.setAudience("rooms");
        claims.setSubject("alice");
        claims.setExpirationTime(NumericDate.fromSeconds(exp));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
