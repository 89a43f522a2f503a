package org.servicegrid.gateway.catalog;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code GET /}: every routable service, sorted by name, and whether the list is
 * current.
 *
 * @param services the routable services
 * @param registry the registry the names come from
 * @param current false when the last refresh from the registry failed (the list may be stale)
 */
@Schema(description = "The services the gateway routes to")
public record RouteListing(
    List<RouteSummary> services,
    @Schema(description = "URL of the registry the names come from") String registry,
    @Schema(description = "False when the last refresh from the registry failed")
        boolean current) {}
