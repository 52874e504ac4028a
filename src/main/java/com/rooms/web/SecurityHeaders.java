package com.rooms.web;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.rooms.security.Origins;

/**
 * Headers on every answer of the application: no content sniffing, no
 * referrer leaving the server (room links stay private), and for the web
 * client's pages a Content-Security-Policy that allows only the server's own
 * scripts (no inline script, no eval), its own sockets, camera and
 * microphone streams, and framing only by the server itself and the
 * origins in {@code rooms.origins} (a portal may embed a room).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
            + " media-src 'self' blob: mediastream:; connect-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'self'";

    @Inject
    Origins origins;

    private volatile String policy;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", policy());
        chain.doFilter(request, response);
    }

    private String policy() {
        String built = policy;
        if (built == null) {
            StringBuilder ancestors = new StringBuilder(POLICY);
            origins.listed().stream().sorted().forEach(o -> ancestors.append(' ').append(o));
            built = ancestors.toString();
            policy = built;
        }
        return built;
    }
}
