package com.rooms.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The server's process as Linux shows it in {@code /proc/<pid>}: its thread
 * count and its open file descriptors. Without a pid both read -1.
 */
final class ServerProcess {
    private final long pid;

    ServerProcess(long pid) {
        this.pid = pid;
    }

    /**
     * The pid given, or else the one Liberty's {@code server start} wrote for
     * the server whose {@code logs/messages.log} is {@code log}
     * ({@code usr/servers/.pid/<server>.pid}); -1 when neither is there or
     * that process is gone.
     */
    static long find(String given, String log) {
        if (given != null && !given.isBlank()) {
            return Long.parseLong(given.trim());
        }
        if (log == null || log.isBlank()) {
            return -1;
        }
        Path serverDir = Path.of(log).toAbsolutePath().getParent().getParent();
        Path pidFile = serverDir.getParent().resolve(".pid").resolve(serverDir.getFileName() + ".pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return Files.isDirectory(Path.of("/proc/" + pid)) ? pid : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    boolean known() {
        return pid > 0;
    }

    long pid() {
        return pid;
    }

    int threads() {
        if (!known()) {
            return -1;
        }
        try (Stream<String> lines = Files.lines(Path.of("/proc/" + pid + "/status"))) {
            return lines.filter(l -> l.startsWith("Threads:")).findFirst()
                    .map(l -> Integer.parseInt(l.substring(8).trim())).orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    int descriptors() {
        if (!known()) {
            return -1;
        }
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            return -1;
        }
    }
}
