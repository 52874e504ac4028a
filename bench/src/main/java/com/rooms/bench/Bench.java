package com.rooms.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code mvn -f bench/pom.xml -q compile exec:java -Dexec.args="<scenario> [--name value ...]"}
 *
 * <p>Scenarios: {@code relay}, {@code fanout}, {@code connections}, {@code close-storm}, {@code resume-storm}, {@code join},
 * {@code fuzz} (the protocol fuzzer), and {@code smoke} (all of them, tiny, for CI). Common options: {@code --base} (default
 * http://localhost:9080; the server must run the dev configuration, whose
 * demo sign-in gives the tokens), {@code --out} (folder for the JSON
 * results, default target/bench).
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: <scenario> [--name value ...]; scenarios: relay, fanout, connections, close-storm,"
                    + " resume-storm, join, fuzz, smoke");
            System.exit(2);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println("options come as --name value pairs: " + args[i]);
                System.exit(2);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        Options o = new Options(options);
        Report report = switch (args[0]) {
            case "fanout" -> new Fanout(o).run();
            case "join" -> new Join(o).run();
            case "relay" -> new Relay(o).run();
            case "connections" -> new Connections(o).run();
            case "close-storm" -> new CloseStorm(o).run();
            case "resume-storm" -> new ResumeStorm(o).run();
            case "fuzz" -> new Fuzz(o).run();
            case "smoke" -> new Smoke(o).run();
            default -> {
                System.err.println("unknown scenario " + args[0]);
                System.exit(2);
                yield null;
            }
        };
        report.print(System.out);
        Path written = report.write(Path.of(o.string("out", "target/bench")));
        System.out.println("results: " + written);
        Number problems = report.figures.get("problems");
        System.exit(problems != null && problems.intValue() > 0 ? 1 : 0);
    }
}
