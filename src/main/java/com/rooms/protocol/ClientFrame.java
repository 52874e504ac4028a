package com.rooms.protocol;

/**
 * One decoded frame from a client: the envelope fields the server uses and
 * the typed command. {@code sender} and {@code ref} from a client are never
 * read (the server overwrites them).
 *
 * @param id       the client's own frame id (at most 64 characters), or null
 * @param receiver the target client id, or null for the room / the server
 * @param command  what the frame asks for
 */
public record ClientFrame(String id, String receiver, Command command) {

    public boolean directed() {
        return receiver != null;
    }
}
