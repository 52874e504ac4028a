package com.rooms.membership;

/** Public rooms admit any signed-in user; private ones only their members. */
public enum Visibility {
    PUBLIC, PRIVATE
}
