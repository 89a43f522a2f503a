package org.servicegrid.visit;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.servicegrid.protocol.ErrorBody;

/** {@code GET /} counts a visit, logs it through the log service and answers the new count. */
@Path("/")
public class VisitResource {

  @Inject VisitService visits;

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(summary = "Count a visit; it counts only once the log service has recorded its number")
  @APIResponse(responseCode = "200", description = "The visit count after this visit",
      content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.INTEGER)))
  @APIResponse(responseCode = "503", description = "Not counted: no log instance accepted the line, or too"
      + " many visits were waiting; the count is unchanged",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
  public String visit() {
    return Long.toString(visits.visit());
  }
}
