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
 * Cross-origin use of the HTTP API from a browser, for the origins in
 * {@code rooms.origins} only (a portal that fetches tickets, say). Others get
 * no CORS headers at all, so a browser keeps their pages from reading any
 * answer; a preflight from them is refused with 403. The API authenticates
 * with bearer tokens, never cookies, so credentials are not allowed.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class Cors extends HttpFilter {
    static final String METHODS = "GET, POST, PUT, PATCH, DELETE";
    static final String HEADERS = "Authorization, Content-Type";

    @Inject
    Origins origins;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        boolean listed = origins.listed(origin);
        boolean preflight = "OPTIONS".equals(request.getMethod())
                && request.getHeader("Access-Control-Request-Method") != null;
        if (origin != null) {
            response.addHeader("Vary", "Origin");
        }
        if (listed) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Expose-Headers", "Location, Retry-After");
        }
        if (preflight) {
            if (listed) {
                response.setHeader("Access-Control-Allow-Methods", METHODS);
                response.setHeader("Access-Control-Allow-Headers", HEADERS);
                response.setHeader("Access-Control-Max-Age", "600");
                response.setStatus(204);
            } else {
                response.setStatus(403);
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
