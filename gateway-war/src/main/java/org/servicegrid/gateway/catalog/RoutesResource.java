package org.servicegrid.gateway.catalog;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicegrid.client.ServiceDirectory;
import org.servicegrid.client.ServiceInstances;
import org.servicegrid.gateway.catalog.canary.CanarySettings;

/**
 * {@code GET /}: what the gateway routes to, as JSON for tools or as a small page for a browser.
 * OpenAPI makes one operation of the two methods, named by the JSON one's {@code operationId}.
 */
@Path("/")
@Tag(name = "routes")
@SecurityRequirements // open, like the forwarded routes
public class RoutesResource {

  @Inject ServiceCatalog catalog;
  @Inject ServiceInstances instances;
  @Inject ServiceDirectory registry;
  @Inject CanarySettings canary;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "listRoutes",
      summary = "The routable services, how many live instances each has, and their canary rules")
  @APIResponse(
      responseCode = "200",
      description = "The services, sorted by name",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RouteListing.class)))
  public RouteListing list() {
    CatalogSnapshot snapshot = catalog.snapshot();
    return new RouteListing(
        snapshot.names().stream()
            .sorted(Comparator.naturalOrder())
            .map(
                name ->
                    RouteSummary.of(
                        name, instances.instances(name).size(), canary.rules().of(name)))
            .toList(),
        registry.registryUrl().toString(),
        snapshot.reachable());
  }

  @GET
  @Produces("text/html;qs=0.9") // a browser asks for HTML first; */* (curl, scripts) gets JSON
  @Operation(summary = "The same list as an HTML page")
  @APIResponse(
      responseCode = "200",
      description = "An HTML page with a table of the services",
      content = @Content(mediaType = MediaType.TEXT_HTML))
  public String page() {
    return RoutesPage.render(list());
  }
}
