package com.rooms.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The shared test server's process, as the operating system sees it: its
 * open file descriptors and threads, read from {@code /proc} through the pid
 * file Liberty writes.
 */
final class ServerProcess {
    private final long pid;

    private ServerProcess(long pid) {
        this.pid = pid;
    }

    static ServerProcess ofTestServer() throws IOException {
        Path wlp = Path.of(System.getProperty("rooms.it.wlp", "target/liberty/wlp"));
        String name = System.getProperty("rooms.it.server", "rooms-it");
        return new ServerProcess(Long.parseLong(Files.readString(wlp.resolve("usr/servers/.pid/" + name + ".pid")).trim()));
    }

    long openDescriptors() throws IOException {
        return count(Path.of("/proc/" + pid + "/fd"));
    }

    long threads() throws IOException {
        return count(Path.of("/proc/" + pid + "/task"));
    }

    /** Waits until the descriptors are at most {@code level}; the count last seen. */
    long descriptorsDownTo(long level, long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        long now = openDescriptors();
        while (now > level && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            now = openDescriptors();
        }
        return now;
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.count();
        }
    }
}
