package com.rooms.membership;

/**
 * The text rules for what names rooms and people, shared by the socket
 * (the decoder, the handshake) and the HTTP API so both refuse the same input.
 * They live in membership because membership owns rooms and members and the
 * room-id rule itself ({@link Room#VALID_ID}); the protocol, WebSocket and HTTP
 * layers all depend on membership already or may, and membership depends on
 * none of them.
 *
 * <p>Printable means no ISO control character (C0, DEL, C1). Lengths count
 * code points, except a user id's, which counts UTF-16 units as its column does.
 */
public final class Names {
    /** Why a room id was refused, for the {@code message} of a 400. */
    public static final String ROOM_ID_RULE = "a room id is 1 to 64 characters of a-z 0-9 - _";

    /** The longest display name ({@code username} on the wire), in code points. */
    public static final int MAX_DISPLAY_NAME_LENGTH = 64;

    /** The longest user id, in UTF-16 units. */
    public static final int MAX_USER_ID_LENGTH = 255;

    private Names() {
    }

    public static boolean printable(String s) {
        return s.codePoints().noneMatch(Character::isISOControl);
    }

    /** 1 to {@code max} code points, all printable (blank allowed). */
    public static boolean printable(String s, int max) {
        return !s.isEmpty() && s.codePointCount(0, s.length()) <= max && printable(s);
    }

    public static boolean roomId(String s) {
        return Room.VALID_ID.matcher(s).matches();
    }

    /** A room's name: 1 to {@link Room#MAX_NAME_LENGTH} printable characters, not blank. */
    public static boolean roomName(String s) {
        return !s.isBlank() && printable(s, Room.MAX_NAME_LENGTH);
    }

    /** A person's display name: 1 to {@link #MAX_DISPLAY_NAME_LENGTH} printable characters, not blank. */
    public static boolean displayName(String s) {
        return !s.isBlank() && printable(s, MAX_DISPLAY_NAME_LENGTH);
    }

    /** A user id: 1 to {@link #MAX_USER_ID_LENGTH} UTF-16 units, printable. */
    public static boolean userId(String s) {
        return !s.isEmpty() && s.length() <= MAX_USER_ID_LENGTH && printable(s);
    }
}
