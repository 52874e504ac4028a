/**
 * Benchmark mode only ({@code rooms.bench=true} with {@code rooms.mode=dev}):
 * the bare relay the load generator compares with, and the heap probe.
 */
package com.rooms.benchmark;
