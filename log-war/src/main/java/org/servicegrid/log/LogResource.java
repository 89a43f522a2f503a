package org.servicegrid.log;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.servicegrid.protocol.ErrorBody;

/**
 * {@code GET /log?tail=N} shows the last lines to operators; {@code POST /log} is served before
 * JAX-RS by {@link LogAppendFilter}, so other methods on {@code /log} answer 405 here. One instance
 * for the application (it holds no request state), so a request does not pay for building and
 * injecting a resource.
 */
@ApplicationScoped
@Path("log")
@APIResponse(
    responseCode = "400",
    description = "Invalid request: the reason is in the body",
    content =
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ErrorBody.class)))
@APIResponse(
    responseCode = "503",
    description = "The log file cannot be written or read",
    content =
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ErrorBody.class)))
public class LogResource {

  @Inject LogWriter writer;
  @Inject TailSettings settings;

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(summary = "The last lines of the log, oldest first, one per line")
  @APIResponse(
      responseCode = "200",
      description = "The lines, each ending in a newline",
      content =
          @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
  public String tail(
      @Parameter(
              description = "How many lines: 1..log.tail.max-lines, default log.tail.default-lines")
          @QueryParam("tail")
          String tail) {
    int lines = TailRequest.lines(tail, settings.defaultLines(), settings.maxLines());
    StringBuilder text = new StringBuilder();
    writer.tail(lines).forEach(line -> text.append(line).append('\n'));
    return text.toString();
  }
}
