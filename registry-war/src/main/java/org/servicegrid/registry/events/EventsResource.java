package org.servicegrid.registry.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicegrid.protocol.ErrorBody;
import org.servicegrid.protocol.InvalidRequestException;

/** The recent registry events, newest first, for the operations dashboard. */
@ApplicationScoped
@Path("events")
@Tag(name = "operations")
@SecurityRequirements // open, like every read of the registry
public class EventsResource {

  @Inject private EventLog log;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(operationId = "listEvents", summary = "The most recent registry events, newest first")
  @APIResponse(
      responseCode = "200",
      description = "Up to limit events",
      content =
          @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RegistryEvent.class)))
  @APIResponse(
      responseCode = "400",
      description = "limit is not a number between 1 and the log's capacity",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  public List<RegistryEvent> recent(
      @Parameter(
              description = "How many events, 1 to the log's capacity (registry.events.capacity)",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "50"))
          @QueryParam("limit")
          @DefaultValue("50")
          String limit) {
    return log.recent(parseLimit(limit));
  }

  private int parseLimit(String limit) {
    try {
      int n = Integer.parseInt(limit.trim());
      if (n >= 1 && n <= log.capacity()) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below, like an out-of-range number
    }
    throw new InvalidRequestException("limit must be a number between 1 and " + log.capacity());
  }
}
