package com.rooms.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the server wrote to its Liberty {@code messages.log} (and its FFDC
 * folder beside it) from the moment this watch was started: every line above
 * INFO, every stack trace, every FFDC incident is unexpected. Hostile input
 * is meant to cost its sender a refusal or a close, never a log line.
 */
final class LogWatch {
    /** An incident Liberty records for hostile input, and why it is expected. */
    private record Allowed(Pattern pattern, String reason) {
    }

    /**
     * FFDC incidents (an {@code FFDC1015I} line at INFO and a file under
     * {@code logs/ffdc}) that Open Liberty's own WebSocket layer records when
     * a client breaks the framing, before the server's code sees anything.
     * Liberty writes a file for the first few of each kind only and counts
     * the rest in its exception summary. The server itself logs hostile input
     * at FINE at most; nothing of its own is allowed here.
     */
    private static final List<Allowed> ALLOWED = List.of(
            new Allowed(Pattern.compile("com\\.ibm\\.ws\\.wsoc\\.FrameFormatException: .*"
                    + " com\\.ibm\\.ws\\.wsoc\\.link\\.LinkRead \\d+"),
                    "a frame against RFC 6455 (mask, RSV bits, opcode, control frame rules): Liberty closes it with 1002"),
            new Allowed(Pattern.compile("java\\.nio\\.charset\\.MalformedInputException: Input length = \\d+"
                    + " com\\.ibm\\.ws\\.wsoc\\.link\\.LinkRead \\d+"),
                    "a text message that is not UTF-8, or whose fragments split a character: Liberty closes it with 1007"),
            new Allowed(Pattern.compile("java\\.io\\.IOException: (Broken pipe|Connection reset by peer) com\\.ibm\\.ws\\.wsoc\\.WsocConnLink \\d+"),
                    "a write to a connection the client dropped in the middle"),
            new Allowed(Pattern.compile("java\\.nio\\.channels\\.ClosedChannelException com\\.ibm\\.ws\\.wsoc\\.WsocConnLink \\d+"),
                    "the close frame of a close the server started, written after the client had dropped the connection"),
            new Allowed(Pattern.compile("java\\.io\\.IOException: Request not read yet"
                    + " com\\.ibm\\.ws\\.http\\.channel\\.internal\\.inbound\\.HttpInboundServiceContextImpl\\.finishResponseMessage \\d+"),
                    "an upgrade whose client dropped the connection while Liberty was still finishing the HTTP exchange"),
            new Allowed(Pattern.compile("java\\.nio\\.channels\\.CancelledKeyException"
                    + " com\\.ibm\\.ws\\.tcpchannel\\.internal\\.SocketRWChannelSelector \\d+"),
                    "a connection the client dropped while Liberty's selector was handling it"),
            new Allowed(Pattern.compile("java\\.lang\\.IllegalArgumentException: Invalid code: \\d+"
                    + " com\\.ibm\\.ws\\.tcpchannel\\.internal\\.WorkQueueManager \\S+"),
                    "a close frame with a code RFC 6455 forbids: Liberty throws instead of closing with 1002"));
    /** {@code [date] thread logger L message}: L is I (info) or A (audit) for what is expected. */
    private static final Pattern LINE = Pattern.compile("^\\[[^\\]]*\\] [0-9a-fA-F]+ \\S*\\s+([A-Z]) (.*)$");
    private static final Pattern TRACE = Pattern.compile("^\\s+at \\S|^Caused by: |^\\S+(Exception|Error)(: |$)");

    private final Path log;
    private final long offset;
    private final Set<Path> incidents;

    private LogWatch(Path log, long offset, Set<Path> incidents) {
        this.log = log;
        this.offset = offset;
        this.incidents = incidents;
    }

    static LogWatch start(Path log) throws IOException {
        return new LogWatch(log, Files.size(log), incidents(log));
    }

    /** The lines and FFDC files that should not be there, in order; a note first if the log shrank. */
    List<String> unexpected() throws IOException {
        List<String> found = new ArrayList<>();
        long size = Files.size(log);
        long from = offset;
        if (size < offset) {
            found.add("messages.log is shorter than at the start (rotated?): scanned from its beginning");
            from = 0;
        }
        byte[] bytes;
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            file.seek(from);
            bytes = new byte[(int) (size - from)];
            file.readFully(bytes);
        }
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\r?\n")) {
            if (!line.isEmpty() && !expected(line)) {
                found.add(line);
            }
        }
        for (Path incident : incidents(log)) {
            String name = incident.getFileName().toString();
            if (!incidents.contains(incident) && !name.startsWith("exception_summary")) {
                String what = incident(incident);
                if (!allowed(what)) {
                    found.add("FFDC incident " + name + ": " + what);
                }
            }
        }
        return found;
    }

    private static boolean allowed(String text) {
        return ALLOWED.stream().anyMatch(a -> a.pattern.matcher(text).find());
    }

    /** An FFDC file's exception, source and probe, as its FFDC1015I line names them. */
    private static String incident(Path file) throws IOException {
        String dump = "";
        String source = "";
        String probe = "";
        try (Stream<String> lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            for (String line : (Iterable<String>) lines.limit(8)::iterator) {
                if (line.startsWith("Stack Dump = ")) {
                    dump = line.substring(13);
                } else if (line.startsWith("Source = ")) {
                    source = line.substring(9);
                } else if (line.startsWith("probeid = ")) {
                    probe = line.substring(10);
                }
            }
        }
        return dump + " " + source + " " + probe;
    }

    private static boolean expected(String line) {
        if (line.contains("FFDC1015I") && allowed(line)) {
            return true;
        }
        Matcher m = LINE.matcher(line);
        if (m.matches()) {
            String level = m.group(1);
            String text = m.group(2);
            return (level.equals("I") || level.equals("A")) && !text.startsWith("FFDC1015I")
                    && !text.matches(".*\\b(SEVERE|ERROR)\\b.*");
        }
        return !TRACE.matcher(line).find();
    }

    private static Set<Path> incidents(Path log) throws IOException {
        Path ffdc = log.toAbsolutePath().getParent().resolve("ffdc");
        if (!Files.isDirectory(ffdc)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(ffdc)) {
            return new HashSet<>(files.toList());
        }
    }
}
