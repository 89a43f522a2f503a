package org.servicegrid.log;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The log service's JAX-RS application, served at the root so the protocol path is {@code /log};
 * the registry client library in {@code WEB-INF/lib} adds {@code /services} and {@code
 * /heart-beat}.
 */
@ApplicationPath("/")
@OpenAPIDefinition(
    info =
        @Info(
            title = "log service",
            version = "1.0",
            description = "Appends one timestamped line per message to a rotated log file"),
    tags = @Tag(name = "log", description = "Append lines to the log and read its last ones"))
public class LogApplication extends Application {}
