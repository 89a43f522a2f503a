package org.servicegrid.log;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.servicegrid.protocol.CallerHeader;
import org.servicegrid.protocol.ErrorBody;

/**
 * {@code POST /log/batch} appends several messages, one line each, contiguous and all or nothing: the visit
 * service records a whole group of visits with one call. One instance for the application, like
 * {@link LogResource}.
 */
@ApplicationScoped
@Path("log/batch")
public class LogBatchResource {

  @Inject LogWriter writer;
  @Inject LogConfig.Limits limits;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Append each message as one timestamped line, contiguous and in order, all or none;"
      + " answers once the lines are written")
  @RequestBody(required = true, description = "A JSON array of one or more non-empty strings, each at most"
      + " log.message.max-bytes in UTF-8, the whole body at most log.batch.max-bytes",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(type = SchemaType.ARRAY, implementation = String.class, minItems = 1)))
  @APIResponse(responseCode = "200", description = "Every line was written")
  @APIResponse(responseCode = "400", description = "Not a non-empty JSON array of non-empty strings; nothing"
      + " was written", content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(responseCode = "413", description = "The body or one message is too large; nothing was written",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(responseCode = "503", description = "The log file cannot be written; nothing was written",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
  public Response appendAll(InputStream body, @Parameter(description = "The calling service, if any")
      @HeaderParam(CallerHeader.NAME) String caller,
      @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_LENGTH) @DefaultValue("-1") long length)
      throws IOException {
    String name = CallerName.of(caller);
    byte[] json = BodyReader.read(body, length, limits.batchMaxBytes());
    writer.appendAll(name, MessageBatch.parse(json, limits.messageMaxBytes()));
    return Response.ok().build();
  }
}
