package org.servicegrid.registry.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.metrics.annotation.Counted;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicegrid.protocol.ErrorBody;
import org.servicegrid.protocol.rest.ErrorResponses;

/**
 * The operations dashboard: {@code GET /} is the page, {@code GET /dashboard/{asset}} its
 * stylesheet and script. The registry's JAX-RS application is mapped at {@code /}, so its servlet
 * answers every path and the container would never serve static files of the WAR; this resource
 * serves them from {@link DashboardAssets}. The page then polls {@code /instances}, {@code /events}
 * and {@code /services}.
 */
@ApplicationScoped
@Path("/")
@Tag(name = "dashboard")
@SecurityRequirements // open, like every read of the registry
public class DashboardResource {

  @Inject private DashboardAssets assets;

  @GET
  @Counted(
      name = "registry.dashboard.views",
      absolute = true,
      description = "Loads of the dashboard page")
  @Operation(
      operationId = "getDashboard",
      summary =
          "The operations dashboard: services, instances, heart-beat states and recent events")
  @APIResponse(
      responseCode = "200",
      description = "The page (HTML; it refreshes itself from the JSON endpoints)",
      content = @Content(mediaType = MediaType.TEXT_HTML))
  @APIResponse(responseCode = "304", description = "The browser's copy is current (If-None-Match)")
  public Response page(@Context Request request) {
    return assets.page().toResponse(request);
  }

  @GET
  @Path("dashboard/{asset}")
  @Operation(operationId = "getDashboardAsset", summary = "A stylesheet or script of the dashboard")
  @APIResponse(responseCode = "200", description = "The file, as text/css or text/javascript")
  @APIResponse(responseCode = "304", description = "The browser's copy is current (If-None-Match)")
  @APIResponse(
      responseCode = "404",
      description = "No dashboard asset has that name",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ErrorBody.class)))
  public Response asset(@PathParam("asset") String name, @Context Request request) {
    return assets
        .asset(name)
        .map(asset -> asset.toResponse(request))
        .orElseGet(() -> ErrorResponses.of(404, "no such dashboard asset"));
  }
}
