package com.rooms.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class OriginsTest {

    @Test
    void aRequestWithoutAnOriginIsNotCrossSiteAndIsAllowed() {
        assertTrue(new Origins(List.of()).allows(null, "rooms.example"));
    }

    @Test
    void aConfiguredOriginIsAllowedWhateverItsCaseOrTrailingSlash() {
        Origins origins = new Origins(List.of(" https://Portal.Example/ "));

        assertTrue(origins.allows("https://portal.example", "rooms.example"));
        assertTrue(origins.allows("HTTPS://PORTAL.EXAMPLE/", null));
        assertEquals(Set.of("https://portal.example"), origins.listed());
    }

    @Test
    void theServersOwnOriginIsAllowedWithoutBeingConfigured() {
        Origins origins = new Origins(List.of());

        assertTrue(origins.allows("http://localhost:9080", "localhost:9080"));
        assertTrue(origins.allows("https://Rooms.Example", "rooms.example"));
    }

    @Test
    void theDefaultPortInTheHostHeaderMatchesAnOriginWithoutOne() {
        Origins origins = new Origins(List.of());

        assertTrue(origins.allows("https://rooms.example", "rooms.example:443"));
        assertTrue(origins.allows("http://rooms.example", "rooms.example:80"));
        assertFalse(origins.allows("https://rooms.example", "rooms.example:80"), "80 is not https's port");
    }

    @Test
    void anotherSiteIsRefusedEvenWhenItsNameStartsWithTheServers() {
        Origins origins = new Origins(List.of("https://portal.example"));

        assertFalse(origins.allows("https://evil.example", "rooms.example"));
        assertFalse(origins.allows("https://rooms.example.evil.example", "rooms.example"));
        assertFalse(origins.allows("https://portal.example.evil.example", "rooms.example"));
    }

    @Test
    void theSameHostOnAnotherPortIsAnotherOrigin() {
        assertFalse(new Origins(List.of()).allows("http://localhost:8080", "localhost:9080"));
    }

    @Test
    void anUnlistedOriginIsRefusedWhenThereIsNoHostToCompareWith() {
        assertFalse(new Origins(List.of()).allows("https://rooms.example", null));
    }

    @Test
    void aSandboxedPagesNullOriginAndAMalformedOneAreRefused() {
        Origins origins = new Origins(List.of());

        assertFalse(origins.allows("null", "null"));
        assertFalse(origins.allows("http://bad host", "bad host"));
    }

    @Test
    void onlyConfiguredOriginsAreListedForCorsNotTheServersOwn() {
        Origins origins = new Origins(List.of("https://portal.example"));

        assertTrue(origins.listed("https://PORTAL.example/"));
        assertFalse(origins.listed("https://rooms.example"));
        assertFalse(origins.listed(null));
    }
}
