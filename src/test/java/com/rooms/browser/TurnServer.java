package com.rooms.browser;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real TURN relay (Debian's coturn; scripts/turn-for-tests installs it) on
 * loopback, with the integration-test server's shared secret, so the
 * credentials the server hands out are the ones it checks: UDP and TCP on
 * 3478, TLS on 5349 with a certificate for {@code localhost} made here.
 * These are the URLs the test server's {@code rooms.ice.turn.urls} names.
 */
final class TurnServer implements AutoCloseable {
    static final String SECRET = "integration-test-turn-secret";
    private final Process process;
    final Path log;
    /** The SHA-256 hash (base64) of the TLS certificate's public key, for a browser that trusts it. */
    final String spki;

    private TurnServer(Process process, Path log, String spki) {
        this.process = process;
        this.log = log;
        this.spki = spki;
    }

    static TurnServer start() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "turn"));
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key.toString(), "-out",
                cert.toString()), dir.resolve("openssl.log"));
        Path spkiFile = dir.resolve("spki.txt");
        run(List.of("sh", "-c", "openssl x509 -in '" + cert + "' -pubkey -noout | openssl pkey -pubin -outform der"
                + " | openssl dgst -sha256 -binary | base64 > '" + spkiFile + "'"), dir.resolve("spki.log"));
        String spki = Files.readString(spkiFile).trim();
        Path log = dir.resolve("turnserver.log");
        Process process = new ProcessBuilder("turnserver", "-n", "--no-cli", "--listening-ip=127.0.0.1",
                "--relay-ip=127.0.0.1", "--listening-port=3478", "--tls-listening-port=5349", "--min-port=49160",
                "--max-port=49360", "--use-auth-secret", "--static-auth-secret=" + SECRET, "--realm=rooms.test",
                "--allow-loopback-peers", "--no-dtls", "--cert=" + cert.toAbsolutePath(),
                "--pkey=" + key.toAbsolutePath(), "--pidfile=" + dir.resolve("turnserver.pid").toAbsolutePath(),
                "--log-file=stdout", "--simple-log", "-v")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        TurnServer turn = new TurnServer(process, log, spki);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!listening(3478) || !listening(5349)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                turn.close();
                throw new IllegalStateException("turnserver did not start; see " + log.toAbsolutePath());
            }
            Thread.sleep(100);
        }
        return turn;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(List<String> command, Path log) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " failed; see " + log.toAbsolutePath());
        }
    }

    /** The relay's log, for a failure message. */
    String logTail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
