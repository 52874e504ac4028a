package com.rooms.websocket;

import java.io.IOException;
import java.security.Principal;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import com.rooms.api.HttpError;
import com.rooms.membership.AccessRefused;
import com.rooms.membership.Admission;
import com.rooms.membership.Names;
import com.rooms.membership.RoomAccess;
import com.rooms.room.ChatClient;
import com.rooms.room.ChatManager;
import com.rooms.room.Drain;
import com.rooms.security.BearerHeader;
import com.rooms.security.HandshakeLimits;
import com.rooms.security.Identity;
import com.rooms.security.Origins;
import com.rooms.security.TicketBook;
import com.rooms.security.SignInSetup;
import com.rooms.security.TokenRejected;

/**
 * Decides every room socket handshake before the upgrade (PROTOCOL.md 1.1),
 * answering a refusal with its status and a JSON body, in this order: 400
 * not a WebSocket request or a malformed room id; 503 while the server
 * drains; 429 too many handshakes from the address; 401 no or bad
 * credentials (a bearer token, or a one-time {@code ?ticket=}); 429 too many
 * for the user; 403 a foreign {@code Origin}, or a private room the user is
 * not a member of; 404 no such room. An admitted request goes on with the
 * user as its principal.
 *
 * <p>A resume ({@code ?resume=<token>&last_seq=<n>}, PROTOCOL.md 3.3) that
 * claims its place skips the connection caps and the locked and full
 * refusals (the place is still there) and writes no membership; one that
 * does not is an ordinary join.
 */
@WebFilter(urlPatterns = "/ws/*", asyncSupported = true)
public class HandshakeFilter extends HttpFilter {
    private static final Logger LOG = Logger.getLogger(HandshakeFilter.class.getName());

    @Inject
    SignInSetup signIn;

    @Inject
    RoomAccess access;

    @Inject
    ChatManager manager;

    @Inject
    Drain drain;

    @Inject
    TicketBook tickets;

    @Inject
    HandshakeLimits limits;

    @Inject
    Origins origins;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String upgrade = request.getHeader("Upgrade");
        if (!"GET".equals(request.getMethod()) || upgrade == null || !"websocket".equalsIgnoreCase(upgrade.trim())) {
            new HttpError(400, "bad-request", "not a WebSocket upgrade request").write(response);
            return;
        }
        String roomId = RoomPath.roomId(request.getRequestURI().substring(request.getContextPath().length()));
        if (roomId == null) {
            new HttpError(400, "bad-request", Names.ROOM_ID_RULE).write(response);
            return;
        }
        if (drain.draining()) {
            new HttpError(503, "unavailable", "the server is shutting down").write(response);
            return;
        }
        long now = System.nanoTime();
        OptionalLong wait = limits.address(request.getRemoteAddr(), now);
        if (wait.isPresent()) {
            tooMany(response, wait.getAsLong(), "too many handshakes from this address");
            return;
        }
        Identity identity;
        try {
            String ticket = request.getParameter("ticket");
            identity = ticket != null ? tickets.redeem(ticket, roomId) : signIn.verifier().verify(bearer(request));
            if (ticket != null && request.getHeader("Authorization") != null
                    && !signIn.verifier().verify(bearer(request)).userId().equals(identity.userId())) {
                throw new TokenRejected("the ticket belongs to another user");
            }
        } catch (TokenRejected rejected) {
            response.setHeader("WWW-Authenticate", "Bearer");
            new HttpError(401, "unauthorized", rejected.getMessage()).write(response);
            return;
        }
        wait = limits.user(identity.userId(), now);
        if (wait.isPresent()) {
            tooMany(response, wait.getAsLong(), "too many handshakes for this user");
            return;
        }
        if (!origins.allows(request.getHeader("Origin"), request.getHeader("Host"))) {
            new HttpError(403, "forbidden", "this origin may not open room sockets").write(response);
            return;
        }
        String resume = request.getParameter("resume");
        long lastSeq = 0;
        if (resume != null) {
            lastSeq = lastSeq(request.getParameter("last_seq"));
            if (lastSeq < 0) {
                new HttpError(400, "bad-request", "a resume needs last_seq, the last seq received (0 or more)")
                        .write(response);
                return;
            }
        }
        ChatClient place = resume == null ? null : manager.claim(resume, identity.userId(), roomId, lastSeq);
        String cap = place != null ? null : manager.capReached(identity.userId(), roomId);
        if (cap != null) {
            new HttpError(429, cap, ChatManager.TOO_MANY_IN_ROOM.equals(cap)
                    ? "this user has as many connections to this room as one user may"
                    : "this user has as many connections to this server as one user may").write(response);
            return;
        }
        Admission admission;
        try {
            admission = place != null ? access.readmit(roomId, identity) : access.admit(roomId, identity);
        } catch (AccessRefused refused) {
            HttpError.of(refused).write(response);
            return;
        } catch (RuntimeException storageDown) {
            LOG.log(Level.WARNING, "cannot admit a user to room " + roomId + ": " + storageDown);
            new HttpError(503, "unavailable", "room storage is unavailable; try again shortly", 5L).write(response);
            return;
        }
        RoomPrincipal principal = new RoomPrincipal(identity, admission, place, lastSeq);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }
        }, response);
    }

    private static void tooMany(HttpServletResponse response, long retryAfterSeconds, String message)
            throws IOException {
        HttpError.rateLimited(message, retryAfterSeconds).write(response);
    }

    /** {@code last_seq} as a number, -1 when it is missing or not a whole number from 0 up. */
    private static long lastSeq(String value) {
        if (value == null || value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(value);
    }

    private static String bearer(HttpServletRequest request) {
        return BearerHeader.token(request.getHeader("Authorization"));
    }
}
