package com.rooms.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;

/**
 * The portal's signing keys from a JWKS. At a URL (the usual
 * {@code .../protocol/openid-connect/certs} of a Keycloak realm) the set is
 * cached as its HTTP caching headers allow and fetched again whenever a
 * token names a key id it does not hold: keys rotate without a restart. A
 * file is read once at start-up.
 */
public final class PortalKeys {
    private PortalKeys() {
    }

    public static VerificationKeyResolver resolver(String location) throws IOException {
        if (location.startsWith("https://") || location.startsWith("http://")) {
            return new HttpsJwksVerificationKeyResolver(new HttpsJwks(location));
        }
        try {
            return new JwksVerificationKeyResolver(new JsonWebKeySet(Files.readString(Path.of(location))).getJsonWebKeys());
        } catch (JoseException e) {
            throw new IOException("not a JWKS: " + location, e);
        }
    }
}
