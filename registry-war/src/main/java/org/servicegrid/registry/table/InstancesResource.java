package org.servicegrid.registry.table;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every registered instance with its heart-beat bookkeeping, for the operations dashboard. */
@ApplicationScoped
@Path("instances")
@Tag(name = "operations")
@SecurityRequirements // open, like every read of the registry
public class InstancesResource {

  @Inject private ServiceTable table;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "listInstances",
      summary = "Every registered instance with registration time, last heart-beat and state")
  @APIResponse(
      responseCode = "200",
      description = "The instances, sorted by Name then Addr",
      content =
          @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = InstanceView.class)))
  public List<InstanceView> all() {
    return table.registrations().stream()
        .map(InstanceView::of)
        .sorted(Comparator.comparing(InstanceView::name).thenComparing(InstanceView::addr))
        .toList();
  }
}
