package org.servicegrid.visit;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The visit service's JAX-RS application at the root: the registry client library in {@code
 * WEB-INF/lib} adds {@code /services} and {@code /heart-beat}; a visit, {@code GET /}, is served
 * before JAX-RS by {@link VisitFilter}.
 */
@ApplicationPath("/")
@OpenAPIDefinition(
    info =
        @Info(
            title = "visit service",
            version = "1.0",
            description =
                "Counts visits; a visit counts only once the log service has recorded it"),
    tags = @Tag(name = "visit", description = "Count visits"))
public class VisitApplication extends Application {}
