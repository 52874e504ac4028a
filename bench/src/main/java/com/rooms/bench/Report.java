package com.rooms.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/** A scenario's figures: printed as a table, written as JSON. */
final class Report {
    final String scenario;
    final Map<String, String> options;
    final Map<String, Number> figures = new LinkedHashMap<>();

    Report(String scenario, Map<String, String> options) {
        this.scenario = scenario;
        this.options = options;
    }

    Report put(String name, Number value) {
        figures.put(name, value);
        return this;
    }

    void print(PrintStream out) {
        out.println();
        out.println(scenario + " " + options);
        figures.forEach((name, value) -> out.printf("  %-28s %14s%n", name,
                value instanceof Double d ? String.format("%.3f", d) : value.toString()));
    }

    Path write(Path folder) throws IOException {
        Files.createDirectories(folder);
        JsonObjectBuilder json = Json.createObjectBuilder().add("scenario", scenario).add("at", Instant.now().toString());
        JsonObjectBuilder opts = Json.createObjectBuilder();
        options.forEach(opts::add);
        JsonObjectBuilder figs = Json.createObjectBuilder();
        figures.forEach((name, value) -> {
            if (value instanceof Double d) {
                figs.add(name, Double.isNaN(d) ? -1 : d);
            } else {
                figs.add(name, value.longValue());
            }
        });
        Path file = folder.resolve(scenario + "-" + System.currentTimeMillis() + ".json");
        Files.writeString(file, json.add("options", opts).add("figures", figs).build().toString());
        return file;
    }
}
