package com.rooms.room;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Client ids are {@code <node id>-<sequence>}: unique across a cluster as
 * long as node ids are, and never reused (the node id is new at each start
 * unless configured).
 */
public final class ClientIds {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private final String nodeId;
    private final AtomicLong sequence = new AtomicLong();

    ClientIds(String nodeId) {
        this.nodeId = nodeId;
    }

    String next() {
        return nodeId + "-" + Long.toString(sequence.incrementAndGet(), 36);
    }

    /** A node id for client ids when none is configured: eight random base-32 letters. */
    public static String randomNodeId() {
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
