package com.rooms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;

/**
 * A chosen display name may not pass for a colleague's: look-alikes (TR39
 * skeletons) of another member's name, present or away, and names with
 * invisible or bidi-control characters are {@code invalid}; the room goes on.
 */
class LookAlikeNamesIT {

    private static String profile(String name) {
        return Json.createObjectBuilder().add("type", "profile")
                .add("data", Json.createObjectBuilder().add("username", name)).build().toString();
    }

    @Test
    void aLookAlikeOfAMembersNameIsInvalidWhetherTheyArePresentOrAway() {
        String room = TestServer.room("names");
        String alice = TestServer.user("alice");
        String cyrillic = "\u0430" + alice.substring(1);
        try (RoomClient mallory = RoomClient.join(room, TestServer.user("mallory"));
             RoomClient bob = RoomClient.join(room, TestServer.user("bob"))) {
            try (RoomClient present = RoomClient.join(room, alice)) {
                mallory.send(profile(cyrillic));
                mallory.error("invalid");
                mallory.send(profile(alice.toUpperCase()));
                mallory.error("invalid");
            }
            bob.next(f -> f.getString("type").equals("left"), "alice leaving");
            mallory.send(profile(cyrillic));
            mallory.error("invalid");
            mallory.send(profile(alice + "\u200b"));
            mallory.error("invalid");
            mallory.send(profile("\u202e" + alice));
            mallory.error("invalid");
            mallory.send(profile("Mallory the Honest"));
            assertEquals("Mallory the Honest", bob.next("profile").getJsonObject("data").getString("username"));
        }
    }
}
