package org.servicegrid.gateway.catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.servicegrid.gateway.catalog.canary.CanaryRule;

/**
 * One routable service as {@code GET /} lists it.
 *
 * @param name the service name, i.e. the first path segment that routes to it
 * @param path the gateway path prefix, {@code /{name}/}
 * @param instances how many live instances the gateway currently knows
 * @param canary the service's canary rule, null (left out of the JSON) when it has none
 */
@Schema(description = "A service the gateway routes to")
public record RouteSummary(
    @Schema(description = "Service name", example = "visit") String name,
    @Schema(description = "Path prefix on the gateway", example = "/visit/") String path,
    @Schema(description = "Live instances known to the gateway", example = "1") int instances,
    @Schema(description = "The canary rule in force, absent when none") CanaryRule canary) {

  public static RouteSummary of(String name, int instances) {
    return of(name, instances, null);
  }

  public static RouteSummary of(String name, int instances, CanaryRule canary) {
    return new RouteSummary(name, "/" + name + "/", instances, canary);
  }
}
