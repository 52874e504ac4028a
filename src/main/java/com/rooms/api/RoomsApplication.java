package com.rooms.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The HTTP API under {@code /api} (PROTOCOL.md section 7). */
@ApplicationPath("/api")
public class RoomsApplication extends Application {
}
