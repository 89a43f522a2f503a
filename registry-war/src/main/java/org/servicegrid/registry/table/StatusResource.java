package org.servicegrid.registry.table;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicegrid.protocol.BoundedBody;
import org.servicegrid.protocol.ErrorBody;
import org.servicegrid.protocol.InstanceId;
import org.servicegrid.protocol.InstanceStatus;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.protocol.auth.Caller;
import org.servicegrid.protocol.rest.OpenApiNames;
import org.servicegrid.registry.RegistryApplication;
import org.servicegrid.registry.auth.RegistryWrite;

/**
 * Takes a registered instance out of service and puts it back (Eureka's status override): the table
 * tells its dependents and keeps the status across its registrations. Guarded like a deregistration
 * ({@code WriteAccessFilter}: the instance's own token or the registry-admin group).
 */
@ApplicationScoped
@Path("services/{name}/{addr}/status")
@Tag(name = "registry")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class StatusResource {

  /** {@code {"Status": "OUT_OF_SERVICE"}} and a little room. */
  private static final int MAX_BODY_BYTES = 1024;

  @Inject private ServiceTable table;

  @PUT
  @RegistryWrite
  @Operation(
      operationId = "setStatus",
      summary =
          "Take an instance out of service (OUT_OF_SERVICE) or put it back (UP); it stays"
              + " registered and heart-beaten, and keeps the status when it registers again")
  @SecurityRequirement(name = OpenApiNames.BEARER)
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      type = SchemaType.OBJECT,
                      requiredProperties = "Status",
                      properties =
                          @SchemaProperty(
                              name = "Status",
                              type = SchemaType.STRING,
                              enumeration = {"OUT_OF_SERVICE", "UP"}))))
  @APIResponse(
      responseCode = "200",
      description = "The instance as the registry lists it, with its new Status",
      content = @Content(schema = @Schema(implementation = ServiceInfo.class)))
  @APIResponse(
      responseCode = "400",
      description = "Not a JSON object, or a Status other than OUT_OF_SERVICE and UP",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(responseCode = "401", ref = RegistryApplication.UNAUTHENTICATED)
  @APIResponse(responseCode = "403", ref = RegistryApplication.FORBIDDEN)
  @APIResponse(
      responseCode = "404",
      description = "No instance of that Name is registered at that Addr",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(responseCode = "503", ref = RegistryApplication.CLUSTER_UNAVAILABLE)
  public ServiceInfo setStatus(
      @PathParam("name") String name,
      @PathParam("addr") String addr,
      @Context HttpServletRequest request,
      InputStream body)
      throws IOException {
    InstanceStatus status = StatusRequest.parse(BoundedBody.read(body, MAX_BODY_BYTES));
    InstanceId id = new InstanceId(name, addr);
    return table
        .setStatus(id, status, callerName(request))
        .orElseThrow(() -> new UnknownInstanceException(id));
  }

  /**
   * Who set the status, as the event log shows it: the token's subject (WriteAccessFilter keeps the
   * caller it admitted in a request attribute), or {@code anonymous (address)} without a token.
   */
  private static String callerName(HttpServletRequest request) {
    if (request.getAttribute(Caller.class.getName()) instanceof Caller caller
        && !caller.subject().isEmpty()) {
      return caller.subject().replaceAll("\\s", " ");
    }
    return "anonymous (" + request.getRemoteAddr() + ")";
  }
}
