package com.rooms.membership;

/** A membership after a role was set, and whether it was new. */
public record Enrolment(Member member, boolean created) {
}
