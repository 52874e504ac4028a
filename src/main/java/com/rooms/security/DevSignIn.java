package com.rooms.security;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * The demo sign-in of the dev configuration: a key pair made fresh at each
 * start, in memory only, so a dev token is worthless anywhere else and after
 * a restart.
 */
public final class DevSignIn {
    public static final int MIN_TTL = 10;
    public static final int MAX_TTL = 86_400;
    public static final int DEFAULT_TTL = 3_600;

    private final KeyPair keys;
    private final String issuer;
    private final String audience;

    public DevSignIn(String issuer, String audience) {
        this.issuer = issuer;
        this.audience = audience;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    public PublicKey publicKey() {
        return keys.getPublic();
    }

    /** A signed token for the user, valid for {@code ttlSeconds}. */
    public String mint(String user, String name, List<String> groups, int ttlSeconds, Instant now) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(user);
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.getEpochSecond() + ttlSeconds));
        claims.setGeneratedJwtId();
        claims.setClaim("name", name);
        claims.setClaim("preferred_username", name);
        claims.setStringListClaim("groups", groups);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.getPrivate());
        jws.setKeyIdHeaderValue("dev");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("could not sign a dev token", e);
        }
    }
}
