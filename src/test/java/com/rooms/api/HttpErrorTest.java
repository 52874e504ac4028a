package com.rooms.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.rooms.admin.RoomExists;
import com.rooms.membership.AccessRefused;
import com.rooms.security.Identity;
import com.rooms.security.Throttle;
import com.rooms.security.TicketBook;

/** Which status and {@code {"error", "message"}} each refusal answers, over the API and on the handshake alike. */
class HttpErrorTest {

    @ParameterizedTest(name = "{0} is {1} {2}")
    @CsvSource({"NO_SUCH_ROOM, 404, not-found", "NO_SUCH_MEMBER, 404, not-found", "NOT_A_MEMBER, 403, forbidden",
            "NOT_PERMITTED, 403, forbidden"})
    void anAccessRefusalIsNotFoundWhenSomethingIsMissingAndForbiddenOtherwise(AccessRefused.Reason reason, int status,
                                                                              String code) {
        HttpError error = HttpError.of(new AccessRefused(reason, "why"));
        assertEquals(new HttpError(status, code, "why"), error);
    }

    @Test
    void anApiExceptionKeepsItsStatusCodeAndMessage() {
        assertEquals(new HttpError(400, "bad-request", "the body must be a JSON object"),
                HttpError.of(ApiException.badRequest("the body must be a JSON object")));
        assertEquals(new HttpError(401, "unauthorized", "a Bearer token is required"),
                HttpError.of(ApiException.unauthorized("a Bearer token is required")));
        assertEquals(new HttpError(403, "forbidden", "administrators only"),
                HttpError.of(ApiException.forbidden("administrators only")));
        assertEquals(new HttpError(404, "not-found", "no demo"), HttpError.of(ApiException.notFound("no demo")));
    }

    @Test
    void aTakenRoomIdIsConflict() {
        assertEquals(new HttpError(409, "conflict", "a room with id lobby exists"), HttpError.of(new RoomExists("lobby")));
    }

    @Test
    void tooManyTicketsIsRateLimitedWithRetryAfter() {
        TicketBook tickets = new TicketBook(Clock.systemUTC(), new Throttle(1, Duration.ofMinutes(1).toNanos(), 10));
        Identity alice = new Identity("alice", "Alice", false, Instant.now().plusSeconds(600));
        tickets.issue(alice, "lobby");
        TicketBook.TooMany tooMany = assertThrows(TicketBook.TooMany.class, () -> tickets.issue(alice, "lobby"));

        HttpError error = HttpError.of(tooMany);

        assertEquals(429, error.status());
        assertEquals("rate-limited", error.code());
        assertEquals("too many tickets for this user", error.message());
        assertEquals(Long.valueOf(tooMany.retryAfterSeconds()), error.retryAfterSeconds());
    }

    @ParameterizedTest(name = "{0} from JAX-RS is {1}")
    @CsvSource({"400, bad-request", "401, unauthorized", "403, forbidden", "404, not-found", "405, method-not-allowed",
            "406, unsupported-media-type", "415, unsupported-media-type", "409, conflict", "418, bad-request",
            "500, internal", "503, internal"})
    void aStatusJaxRsAnsweredGetsItsCode(int status, String code) {
        assertEquals(new HttpError(status, code, "Reason"), HttpError.ofStatus(status, "Reason"));
    }

    @Test
    void anUnexpectedFailureIsInternalAndShowsNoDetail() {
        assertEquals(new HttpError(500, "internal", "the server failed to answer this request"), HttpError.internal());
    }

    @Test
    void theBodyHoldsErrorAndMessageOnly() {
        JsonObject body = Json.createReader(new StringReader(new HttpError(403, "forbidden", "say \"no\"").json()))
                .readObject();
        assertEquals(Map.of("error", Json.createValue("forbidden"), "message", Json.createValue("say \"no\"")), body);
    }

    @Test
    void theServletWriterSendsTheBodyUncachedWithRetryAfterWhenThereIsOne() throws Exception {
        Captured plain = new Captured();
        new HttpError(401, "unauthorized", "no token").write(plain.response());
        assertEquals(401, plain.status);
        assertEquals("{\"error\":\"unauthorized\",\"message\":\"no token\"}", plain.body.toString("UTF-8"));
        assertEquals("no-store", plain.headers.get("Cache-Control"));
        assertEquals("application/json", plain.contentType);
        assertEquals(plain.body.size(), plain.contentLength);
        assertNull(plain.headers.get("Retry-After"));

        Captured limited = new Captured();
        HttpError.rateLimited("too many handshakes from this address", 7).write(limited.response());
        assertEquals(429, limited.status);
        assertEquals("7", limited.headers.get("Retry-After"));
    }

    /** What a servlet response was given. */
    private static final class Captured {
        int status;
        String contentType;
        int contentLength = -1;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        HttpServletResponse response() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }

                @Override
                public void write(int b) {
                    body.write(b);
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(HttpServletResponse.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "setStatus" -> status = (Integer) args[0];
                            case "setContentType" -> contentType = (String) args[0];
                            case "setContentLength" -> contentLength = (Integer) args[0];
                            case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                            case "getOutputStream" -> {
                                return out;
                            }
                            default -> {
                            }
                        }
                        return null;
                    });
        }
    }
}
