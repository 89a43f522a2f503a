package org.servicegrid.gateway.catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One routable service as {@code GET /} lists it.
 *
 * @param name the service name, i.e. the first path segment that routes to it
 * @param path the gateway path prefix, {@code /{name}/}
 * @param instances how many live instances the gateway currently knows
 */
@Schema(description = "A service the gateway routes to")
public record RouteSummary(
    @Schema(description = "Service name", example = "visit") String name,
    @Schema(description = "Path prefix on the gateway", example = "/visit/") String path,
    @Schema(description = "Live instances known to the gateway", example = "1") int instances) {

  public static RouteSummary of(String name, int instances) {
    return new RouteSummary(name, "/" + name + "/", instances);
  }
}
