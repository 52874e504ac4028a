package com.rooms.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The HTTP API under {@code /api} (PROTOCOL.md section 7); its description is served at {@code /openapi}. */
@ApplicationPath("/api")
@OpenAPIDefinition(
        info = @Info(title = "Rooms", version = "1",
                description = "Rooms, members and chat history of the room server (PROTOCOL.md section 7)."
                        + " Errors are {\"error\", \"message\"} with 400, 401, 403, 404 or 409."),
        security = @SecurityRequirement(name = "portal-jwt"))
@SecurityScheme(securitySchemeName = "portal-jwt", type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "The intranet portal's token (RS256 or ES256)")
public class RoomsApplication extends Application {
}
