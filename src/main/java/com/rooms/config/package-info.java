/**
 * Configuration: {@link com.rooms.config.RoomsConfig} reads every setting
 * through MicroProfile Config, and {@link com.rooms.config.Wiring} builds the
 * plain objects and settings records of the other packages from it. Only
 * this package and the adapters (the HTTP edge, benchmark mode) read
 * configuration; the domain packages get records.
 */
package com.rooms.config;
