package com.rooms.bench;

import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Many room connections opened at once: {@code count} users, {@code perRoom}
 * to a room, each its own user, at most {@code concurrency} handshakes at a
 * time, from source addresses 127.0.0.2 and up ({@code perAddress} each: one
 * address has about 28,000 ephemeral ports) when the server is on loopback.
 * Tokens are fetched first and not counted in {@link #connectSeconds}.
 */
final class Crowd {
    final List<Member> members;
    final int failed;
    final String firstFailure;
    final double tokenSeconds;
    final double connectSeconds;

    private Crowd(List<Member> members, int failed, String firstFailure, double tokenSeconds, double connectSeconds) {
        this.members = members;
        this.failed = failed;
        this.firstFailure = firstFailure;
        this.tokenSeconds = tokenSeconds;
        this.connectSeconds = connectSeconds;
    }

    static Crowd open(Loop loop, Server server, String run, int count, int perRoom, int concurrency, int perAddress)
            throws Exception {
        boolean loopbackServer = InetAddress.getByName(URI.create(server.base).getHost()).isLoopbackAddress();
        List<String> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            users.add(run + "-u" + i);
        }
        long tokensStart = System.nanoTime();
        List<String> tokens = server.tokens(users, 8);
        double tokenSeconds = (System.nanoTime() - tokensStart) / 1e9;

        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        Semaphore inFlight = new Semaphore(concurrency);
        List<CompletableFuture<Member>> joins = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            InetAddress local = loopbackServer
                    ? InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (2 + i / perAddress)}) : null;
            inFlight.acquire();
            joins.add(Member.join(loop, server, run + "-r" + i / perRoom, tokens.get(i), local)
                    .whenComplete((m, e) -> {
                        inFlight.release();
                        if (e != null) {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, String.valueOf(e.getCause() == null ? e : e.getCause()));
                        }
                    }));
        }
        List<Member> members = new ArrayList<>(count);
        for (CompletableFuture<Member> join : joins) {
            try {
                members.add(join.get(60, TimeUnit.SECONDS));
            } catch (Exception e) {
                // counted above
            }
        }
        return new Crowd(members, failed.get(), firstFailure.get(), tokenSeconds, (System.nanoTime() - start) / 1e9);
    }
}
