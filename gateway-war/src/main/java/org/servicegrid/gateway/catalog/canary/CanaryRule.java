package org.servicegrid.gateway.catalog.canary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One service's canary: the share of its requests that goes to the instances of one Meta version,
 * taken out of the other instances' share ({@code gateway.canary}, {@code
 * service=version@percent}).
 *
 * @param version the canary's Meta version
 * @param percent the share of requests sent to it, 0 to 100
 */
@Schema(description = "The service's canary rule: a share of its requests for one version")
public record CanaryRule(
    @Schema(description = "Meta version of the canary instances", example = "2.0") String version,
    @Schema(description = "Percentage of the requests sent to them", example = "10") int percent) {}
