package com.rooms.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Proxy;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

import com.code_intelligence.jazzer.junit.FuzzTest;

import com.rooms.api.ApiException;
import com.rooms.api.Bearer;
import com.rooms.membership.Room;
import com.rooms.security.BearerHeader;
import com.rooms.security.Identity;
import com.rooms.security.JwtVerifier;
import com.rooms.security.Origins;
import com.rooms.security.TicketBook;
import com.rooms.security.TokenRejected;
import com.rooms.websocket.RoomPath;

/**
 * What a handshake or API request carries (room path, {@code Authorization},
 * {@code Origin} and {@code Host}, {@code ?ticket=}) is accepted or refused
 * with the documented refusal ({@link TokenRejected}, 401 {@link ApiException},
 * a false from {@link Origins}); nothing else escapes, and a token not signed
 * with the portal's key never signs anybody in.
 */
class HandshakeParsingFuzzTest {
    private static final int SKEW = 30;
    private static final KeyPair RSA = keyPair("RSA");
    private static final KeyPair EC = keyPair("EC");
    private static final JwtVerifier VERIFIER = verifier(RSA);
    private static final JwtVerifier EC_VERIFIER = verifier(EC);
    private static final Origins ORIGINS = new Origins(List.of("https://portal.example.com", "http://localhost:9080/"));
    private static final TicketBook TICKETS = new TicketBook(Clock.systemUTC());
    private static final Identity ALICE = new Identity("alice", "Alice", false, Instant.now().plusSeconds(3_600));

    /** Lines: the path in the application, Authorization, Origin, Host, the ticket parameter. */
    @FuzzTest(maxDuration = "60s")
    void handshakeHeadersAndTicketAreAcceptedOrRefused(byte[] input) {
        List<byte[]> lines = FuzzInputs.lines(input, 5);
        String path = FuzzInputs.headerValue(lines.get(0));
        String authorization = text(lines.get(1));
        String origin = text(lines.get(2));
        String host = text(lines.get(3));
        String ticket = text(lines.get(4));

        String roomId = RoomPath.roomId(path);
        if (roomId != null) {
            assertTrue(Room.VALID_ID.matcher(roomId).matches(), "room id " + roomId);
            assertEquals(RoomPath.PREFIX + roomId, path);
        }
        bearerTokenIsRefused(authorization);
        apiBearerIsRefused(authorization);

        boolean allowed = ORIGINS.allows(origin, host);
        if (origin == null || ORIGINS.listed(origin)) {
            assertTrue(allowed, "origin " + origin);
        }

        String genuine = TICKETS.issue(ALICE, "lobby");
        if (ticket != null && !ticket.equals(genuine)) {
            TokenRejected refused = assertThrows(TokenRejected.class,
                    () -> TICKETS.redeem(ticket, roomId == null ? "lobby" : roomId));
            assertEquals("unknown or used ticket", refused.getMessage());
        }
        assertEquals(ALICE, TICKETS.redeem(genuine, "lobby"), "the issued ticket is still good");
    }

    /** A compact JWS made of lines (header JSON, payload JSON, signature bytes), or taken as it is without a line feed. */
    @FuzzTest(maxDuration = "60s")
    void aForgedTokenIsRefused(byte[] input) {
        String token = compactJws(input);
        try {
            Identity identity = VERIFIER.verify(token);
            fail("a token not signed with the key signed in " + identity.userId() + ": " + token);
        } catch (TokenRejected refused) {
            assertNotNull(refused.getMessage());
        }
    }

    /** The input is the claims of a token that the portal's key signs. */
    @FuzzTest(maxDuration = "60s")
    void aSignedTokenWithAnyClaimsSignsInOrIsRefused(byte[] claims) {
        String token = signed(claims);
        Instant before = Instant.now().minusSeconds(1);
        Identity identity;
        try {
            identity = EC_VERIFIER.verify(token);
        } catch (TokenRejected refused) {
            assertNotNull(refused.getMessage());
            return;
        }
        assertFalse(identity.userId() == null || identity.userId().isBlank(), "user id");
        assertFalse(identity.displayName() == null || identity.displayName().isBlank(), "display name");
        assertNotNull(identity.expiresAt());
        assertFalse(identity.expiresAt().isBefore(before), "accepted with expires_at " + identity.expiresAt());
    }

    private static void bearerTokenIsRefused(String authorization) {
        String token;
        try {
            token = BearerHeader.token(authorization);
        } catch (TokenRejected notBearer) {
            assertNotNull(authorization);
            return;
        }
        if (authorization == null) {
            assertNull(token);
        }
        assertThrows(TokenRejected.class, () -> VERIFIER.verify(token));
    }

    private static void apiBearerIsRefused(String authorization) {
        HttpHeaders headers = (HttpHeaders) Proxy.newProxyInstance(HttpHeaders.class.getClassLoader(),
                new Class<?>[] {HttpHeaders.class},
                (proxy, method, args) -> method.getName().equals("getHeaderString")
                        && HttpHeaders.AUTHORIZATION.equals(args[0]) ? authorization : null);
        ApiException refused = assertThrows(ApiException.class, () -> Bearer.caller(headers, VERIFIER));
        assertEquals(401, refused.status());
    }

    private static String text(byte[] line) {
        return line == null ? null : FuzzInputs.headerValue(line);
    }

    private static String compactJws(byte[] input) {
        List<byte[]> parts = FuzzInputs.lines(input, 3);
        if (parts.get(1) == null) {
            return FuzzInputs.headerValue(input);
        }
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(parts.get(0)) + "." + base64.encodeToString(parts.get(1)) + "."
                + (parts.get(2) == null ? "" : base64.encodeToString(parts.get(2)));
    }

    private static String signed(byte[] claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayloadBytes(claims);
        jws.setKey(EC.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JwtVerifier verifier(KeyPair keys) {
        return new JwtVerifier(keys.getPublic(), "portal", "rooms", SKEW, JwtVerifier.Claims.STANDARD);
    }

    private static KeyPair keyPair(String algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("EC")) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
