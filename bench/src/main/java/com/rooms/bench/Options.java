package com.rooms.bench;

import java.util.Map;
import java.util.TreeMap;

/** The command line's {@code --name value} pairs, with defaults; what was used goes into the report. */
final class Options {
    private final Map<String, String> given;
    final Map<String, String> used = new TreeMap<>();

    Options(Map<String, String> given) {
        this.given = given;
    }

    String string(String name, String otherwise) {
        String value = given.getOrDefault(name, otherwise);
        used.put(name, value);
        return value;
    }

    int integer(String name, int otherwise) {
        return Integer.parseInt(string(name, Integer.toString(otherwise)));
    }
}
