package com.rooms.security;

import java.security.Key;
import java.time.Instant;
import java.util.List;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

/**
 * Verifies the portal's JWTs with jose4j: RS256 or ES256 only (so neither
 * {@code alg: none} nor an HMAC signed with the public key passes), signature,
 * {@code exp} (required), {@code nbf}, {@code iss}, {@code aud} and a subject.
 *
 * <p>One expiry rule for the handshake and the session: a token is good
 * until its {@code exp} plus the configured clock skew, and that instant is
 * the identity's {@link Identity#expiresAt()}, which {@code welcome} reports
 * and at which the connection ends. So an accepted token never brings a
 * {@code welcome} whose {@code expires_at} has passed.
 */
public final class JwtVerifier implements TokenVerifier {

    /** Which claims carry what; portals differ. */
    public record Claims(String user, String name, String groups, String adminGroup) {
        public static final Claims STANDARD = new Claims("sub", "name", "groups", "admin");
    }

    private final JwtConsumer consumer;
    private final Claims claims;
    private final long clockSkewSeconds;

    public JwtVerifier(Key key, String issuer, String audience, int clockSkewSeconds, Claims claims) {
        this(new JwtConsumerBuilder().setVerificationKey(key), issuer, audience, clockSkewSeconds, claims);
    }

    /**
     * Keys from the portal's JWKS, chosen by the token's {@code kid}. A
     * {@code kid} the set does not hold makes the resolver fetch the set
     * again, so a newly published key is accepted without a restart.
     */
    public JwtVerifier(VerificationKeyResolver keys, String issuer, String audience, int clockSkewSeconds,
                       Claims claims) {
        this(new JwtConsumerBuilder().setVerificationKeyResolver(keys), issuer, audience, clockSkewSeconds, claims);
    }

    private JwtVerifier(JwtConsumerBuilder builder, String issuer, String audience, int clockSkewSeconds,
                        Claims claims) {
        this.claims = claims;
        this.clockSkewSeconds = clockSkewSeconds;
        builder.setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(clockSkewSeconds)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        if (issuer != null) {
            builder.setExpectedIssuer(issuer);
        }
        if (audience != null) {
            builder.setExpectedAudience(audience);
        } else {
            builder.setSkipDefaultAudienceValidation();
        }
        this.consumer = builder.build();
    }

    @Override
    public Identity verify(String token) {
        if (token == null || token.isBlank()) {
            throw new TokenRejected("no token");
        }
        JwtClaims jwt;
        try {
            jwt = consumer.processToClaims(token);
        } catch (InvalidJwtException e) {
            throw new TokenRejected(reason(e));
        }
        try {
            String user = jwt.getClaimValueAsString(claims.user());
            if (user == null || user.isBlank()) {
                throw new TokenRejected("token has no " + claims.user() + " claim");
            }
            String name = firstNonBlank(jwt.getClaimValueAsString(claims.name()),
                    jwt.getClaimValueAsString("preferred_username"), user);
            boolean admin = jwt.isClaimValueStringList(claims.groups())
                    && jwt.getStringListClaimValue(claims.groups()).contains(claims.adminGroup());
            long exp = jwt.getExpirationTime().getValue();
            if (exp > Instant.MAX.getEpochSecond() - clockSkewSeconds) {
                throw new TokenRejected("token expiry is out of range");
            }
            Instant expires = Instant.ofEpochSecond(exp + clockSkewSeconds);
            return new Identity(user, name, admin, expires);
        } catch (MalformedClaimException e) {
            throw new TokenRejected("token has a malformed claim");
        }
    }

    private static String reason(InvalidJwtException e) {
        if (e.hasExpired()) {
            return "token has expired";
        }
        List<org.jose4j.jwt.consumer.ErrorCodeValidator.Error> details = e.getErrorDetails();
        if (details.isEmpty()) {
            return "token is malformed";
        }
        return switch (details.get(0).getErrorCode()) {
            case org.jose4j.jwt.consumer.ErrorCodes.ISSUER_INVALID -> "token has the wrong issuer";
            case org.jose4j.jwt.consumer.ErrorCodes.AUDIENCE_INVALID -> "token has the wrong audience";
            case org.jose4j.jwt.consumer.ErrorCodes.NOT_YET_VALID -> "token is not valid yet";
            case org.jose4j.jwt.consumer.ErrorCodes.SIGNATURE_INVALID -> "token signature is invalid";
            case org.jose4j.jwt.consumer.ErrorCodes.EXPIRATION_MISSING -> "token has no expiry";
            default -> "token is not acceptable";
        };
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
