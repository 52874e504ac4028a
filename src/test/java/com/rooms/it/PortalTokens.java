package com.rooms.it;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/** Plays the intranet portal: its signing keys (each with a key id), and the tokens it signs (PROTOCOL.md 1.1). */
final class PortalTokens {
    static final String ISSUER = "https://portal.rooms.test";
    static final String AUDIENCE = "rooms";
    final String keyId;
    final KeyPair keys;
    private final String algorithm;

    /** An RSA key (RS256). */
    PortalTokens(String keyId) throws NoSuchAlgorithmException {
        this(keyId, AlgorithmIdentifiers.RSA_USING_SHA256, rsa());
    }

    private PortalTokens(String keyId, String algorithm, KeyPair keys) {
        this.keyId = keyId;
        this.algorithm = algorithm;
        this.keys = keys;
    }

    /** A P-256 key (ES256). */
    static PortalTokens elliptic(String keyId) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        return new PortalTokens(keyId, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, generator.generateKeyPair());
    }

    private static KeyPair rsa() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** A JWKS publishing the public keys of these portals. */
    static String jwks(PortalTokens... portals) {
        return List.of(portals).stream().map(p -> {
            try {
                PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(p.keys.getPublic());
                jwk.setKeyId(p.keyId);
                jwk.setAlgorithm(p.algorithm);
                jwk.setUse("sig");
                return jwk.toJson();
            } catch (JoseException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.joining(",", "{\"keys\":[", "]}"));
    }

    String token(String user, boolean admin) {
        return token(user, admin, claims -> { });
    }

    /** A token with the standard claims, then changed by {@code change} (to forge a bad one). */
    String token(String user, boolean admin, Consumer<JwtClaims> change) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(user);
        claims.setClaim("name", user);
        claims.setStringListClaim("groups", admin ? List.of("admin") : List.of());
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(60);
        change.accept(claims);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.getPrivate());
        jws.setKeyIdHeaderValue(keyId);
        jws.setAlgorithmHeaderValue(algorithm);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
