package com.rooms.security;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which web origins may use the server from a browser: the configured list,
 * plus the server's own (an {@code Origin} whose host and port are the
 * request's {@code Host}). A request without {@code Origin} (a service, a
 * bot, a same-origin GET) is not a cross-site request and is let through.
 */
public final class Origins {
    private final Set<String> allowed;

    public Origins(List<String> allowed) {
        this.allowed = allowed.stream().map(Origins::normal).collect(Collectors.toSet());
    }

    public boolean allows(String origin, String host) {
        if (origin == null) {
            return true;
        }
        String normal = normal(origin);
        if (allowed.contains(normal)) {
            return true;
        }
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(normal);
            String authority = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return uri.getHost() != null && authority.equalsIgnoreCase(stripDefaultPort(host, uri.getScheme()));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** The configured origins, normalised, in no particular order. */
    public Set<String> listed() {
        return allowed;
    }

    /** True for origins in the configured list only (CORS answers those). */
    public boolean listed(String origin) {
        return origin != null && allowed.contains(normal(origin));
    }

    private static String stripDefaultPort(String host, String scheme) {
        String lower = host.toLowerCase(Locale.ROOT);
        if (("http".equals(scheme) || "ws".equals(scheme)) && lower.endsWith(":80")) {
            return lower.substring(0, lower.length() - 3);
        }
        if (("https".equals(scheme) || "wss".equals(scheme)) && lower.endsWith(":443")) {
            return lower.substring(0, lower.length() - 4);
        }
        return lower;
    }

    private static String normal(String origin) {
        String trimmed = origin.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
