package org.servicegrid.log;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.servicegrid.protocol.BoundedBody;
import org.servicegrid.protocol.ErrorBody;
import org.servicegrid.protocol.InvalidRequestException;

/** {@code POST /log} appends a message as one line; {@code GET /log?tail=N} shows the last lines to operators. */
@Path("log")
@APIResponse(responseCode = "400", description = "Invalid request: the reason is in the body",
    content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
@APIResponse(responseCode = "503", description = "The log file cannot be written or read",
    content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
public class LogResource {

  @Inject LogWriter writer;
  @Inject LogConfig config;

  @POST
  @Consumes(MediaType.WILDCARD) // the protocol says text/plain, but callers of the original design may omit it
  @Operation(summary = "Append a message as one timestamped line; answers once the line is written")
  @RequestBody(required = true, description = "The message, UTF-8 text of at most log.message.max-bytes",
      content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "200", description = "The line was written")
  @APIResponse(responseCode = "413", description = "The message is larger than log.message.max-bytes",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
  public Response append(InputStream body, @Parameter(description = "The calling service, if any")
      @HeaderParam(CallerName.HEADER) String caller) throws IOException {
    String name = CallerName.of(caller);
    byte[] message = BoundedBody.read(body, config.messageMaxBytes());
    if (message.length == 0) {
      throw new InvalidRequestException("message is empty");
    }
    writer.append(name, new String(message, StandardCharsets.UTF_8));
    return Response.ok().build();
  }

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(summary = "The last lines of the log, oldest first, one per line")
  @APIResponse(responseCode = "200", description = "The lines, each ending in a newline",
      content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
  public String tail(@Parameter(description = "How many lines: 1..log.tail.max-lines, default log.tail.default-lines")
      @QueryParam("tail") String tail) {
    int lines = TailRequest.lines(tail, config.tailDefaultLines(), config.tailMaxLines());
    StringBuilder text = new StringBuilder();
    writer.tail(lines).forEach(line -> text.append(line).append('\n'));
    return text.toString();
  }
}
