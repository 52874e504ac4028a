package com.rooms.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.MultivaluedMap;

import com.rooms.admin.MessageFilter;
import com.rooms.membership.Names;

/** Reads the message search's query parameters strictly: anything malformed is 400 with the parameter's name. */
final class QueryParams {
    static final int MAX_LIMIT = 500;
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_WORDS = 10;
    static final int MAX_QUERY_LENGTH = 200;
    static final List<String> KNOWN = List.of("before", "after", "since", "until", "user", "q", "limit",
            "include_cleared");

    private QueryParams() {
    }

    static MessageFilter messageFilter(MultivaluedMap<String, String> params) {
        for (String name : params.keySet()) {
            if (!KNOWN.contains(name)) {
                throw ApiException.badRequest("unknown parameter " + name + "; known: " + String.join(", ", KNOWN));
            }
            if (params.get(name).size() > 1) {
                throw ApiException.badRequest(name + " is given more than once");
            }
        }
        String user = params.getFirst("user");
        if (user != null && (user.isEmpty() || user.length() > Names.MAX_USER_ID_LENGTH)) {
            throw ApiException.badRequest("user must be 1 to " + Names.MAX_USER_ID_LENGTH + " characters");
        }
        return new MessageFilter(id(params, "before"), id(params, "after"), time(params, "since"),
                time(params, "until"), user, words(params.getFirst("q")), limit(params.getFirst("limit")),
                bool(params, "include_cleared"));
    }

    private static Long id(MultivaluedMap<String, String> params, String name) {
        String value = params.getFirst(name);
        if (value == null) {
            return null;
        }
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest(name + " must be a message id (a positive integer)");
    }

    private static Instant time(MultivaluedMap<String, String> params, String name) {
        String value = params.getFirst(name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be an ISO-8601 time with a zone, e.g. 2026-11-20T09:00:00Z");
        }
    }

    private static List<String> words(String q) {
        if (q == null) {
            return List.of();
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            throw ApiException.badRequest("q must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        List<String> words = Arrays.stream(q.trim().split("\\s+")).filter(w -> !w.isEmpty())
                .map(w -> w.toLowerCase(Locale.ROOT)).distinct().collect(Collectors.toList());
        if (words.isEmpty()) {
            throw ApiException.badRequest("q must contain a word");
        }
        if (words.size() > MAX_WORDS) {
            throw ApiException.badRequest("q may hold at most " + MAX_WORDS + " words");
        }
        return words;
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static boolean bool(MultivaluedMap<String, String> params, String name) {
        String value = params.getFirst(name);
        if (value == null) {
            return false;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest(name + " must be true or false");
        };
    }
}
