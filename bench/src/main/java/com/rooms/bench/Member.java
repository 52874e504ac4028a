package com.rooms.bench;

import java.io.StringReader;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.json.Json;

/**
 * A room connection on a {@link Wire}: waits for {@code welcome} (its client
 * id), then hands every frame to {@code frames}; counts {@code error}
 * frames and remembers the first.
 */
final class Member implements Wire.Listener {
    private static final byte[] WELCOME = "{\"type\":\"welcome\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ERROR = "{\"type\":\"error\"".getBytes(StandardCharsets.UTF_8);

    final CompletableFuture<Member> welcomed = new CompletableFuture<>();
    volatile Wire.Listener frames = (w, p, n) -> { };
    volatile String clientId;
    volatile int errors;
    volatile String firstError;
    volatile int closeCode;
    Wire wire;

    /** Opens a room connection; completes when {@code welcome} arrived. */
    static CompletableFuture<Member> join(Loop loop, Server server, String room, String token, InetAddress local) {
        Member member = new Member();
        return Wire.open(loop, server.socket(room), Map.of("Authorization", "Bearer " + token), local, member)
                .thenCompose(wire -> {
                    member.wire = wire;
                    return member.welcomed;
                });
    }

    @Override
    public void text(Wire wire, ByteBuffer payload, long receivedNanos) {
        if (startsWith(payload, ERROR)) {
            if (errors++ == 0) {
                firstError = StandardCharsets.UTF_8.decode(payload.duplicate()).toString();
            }
        }
        if (!welcomed.isDone()) {
            if (startsWith(payload, WELCOME)) {
                String json = StandardCharsets.UTF_8.decode(payload.duplicate()).toString();
                clientId = Json.createReader(new StringReader(json)).readObject()
                        .getJsonObject("data").getString("client_id");
                welcomed.complete(this);
            }
            return;
        }
        frames.text(wire, payload, receivedNanos);
    }

    @Override
    public void closed(Wire wire, int code) {
        closeCode = code;
        welcomed.completeExceptionally(new IllegalStateException("closed " + code + " before welcome"));
    }

    static boolean startsWith(ByteBuffer payload, byte[] prefix) {
        if (payload.remaining() < prefix.length) {
            return false;
        }
        int at = payload.position();
        for (int i = 0; i < prefix.length; i++) {
            if (payload.get(at + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
