package com.rooms.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A Liberty server that a test starts, kills and restarts itself, through
 * the runtime's own {@code bin/server} script.
 */
final class LibertyServer {
    private final Path wlp;
    private final String name;
    final String base;

    LibertyServer(String name, int port) {
        this.wlp = Path.of(System.getProperty("rooms.it.wlp", "target/liberty/wlp"));
        this.name = name;
        this.base = "http://127.0.0.1:" + port;
    }

    Path configDir() {
        return wlp.resolve("usr/servers").resolve(name);
    }

    /** Writes a file into {@code configDropins/overrides}, read at the next start. */
    void override(String file, String xml) throws IOException {
        Path overrides = configDir().resolve("configDropins/overrides");
        Files.createDirectories(overrides);
        Files.writeString(overrides.resolve(file), xml, StandardCharsets.UTF_8);
    }

    void start() throws Exception {
        run("start");
        awaitReady(Duration.ofSeconds(120));
    }

    void stop() throws Exception {
        run("stop");
    }

    /** SIGKILL: the JVM gets no chance to write or close anything. */
    void kill() throws Exception {
        long pid = Long.parseLong(Files.readString(wlp.resolve("usr/servers/.pid/" + name + ".pid")).trim());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
    }

    private void run(String command) throws Exception {
        Process process = new ProcessBuilder(wlp.resolve("bin/server").toString(), command, name)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("server " + command + " " + name + " did not finish");
        }
    }

    private void awaitReady(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> ready = TestServer.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("server " + name + " not ready within " + wait);
    }
}
