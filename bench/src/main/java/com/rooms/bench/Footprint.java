package com.rooms.bench;

import jakarta.json.JsonObject;

/** The server's threads, open descriptors (both -1 without a pid) and heap after a full GC, at one moment. */
record Footprint(int threads, int descriptors, long heapBytes) {
    static Footprint of(Server server, ServerProcess process) throws Exception {
        JsonObject heap = server.probe(true);
        return new Footprint(process.threads(), process.descriptors(), heap.getJsonNumber("heap_used_bytes").longValue());
    }

    double heapMb() {
        return heapBytes / 1e6;
    }
}
