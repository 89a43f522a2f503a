package org.servicegrid.registry.table;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicegrid.protocol.ErrorBody;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.protocol.rest.OpenApiNames;
import org.servicegrid.registry.RegistryApplication;
import org.servicegrid.registry.auth.RegistryWrite;

/**
 * The registry protocol over HTTP: register, deregister and look up instances. Bodies are parsed
 * and validated by registry-protocol's {@code ServiceInfoReader}, so a bad one is answered 400
 * before anything changes, as is a registration at an address {@code registry.allowed-addresses}
 * does not allow ({@link InstanceAddressCheck}); unsupported methods get the runtime's 405 as a
 * JSON error. The writes are documented as needing the bearer token ({@code WriteAccessFilter}),
 * the lookups as open.
 */
@ApplicationScoped
@Path("services")
@Tag(name = "registry")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class ServicesResource {

  @Inject private ServiceTable table;
  @Inject private InstanceAddressCheck addresses;

  @POST
  @RegistryWrite
  @Operation(
      operationId = "register",
      summary = "Register an instance (the same Name+Addr again replaces it)")
  @SecurityRequirement(name = OpenApiNames.BEARER)
  @APIResponse(
      responseCode = "200",
      description = "Each required service with its live instances ([] when none)",
      content =
          @Content(
              schema =
                  @Schema(type = SchemaType.OBJECT, additionalProperties = ServiceInfo[].class)))
  @APIResponse(
      responseCode = "400",
      description =
          "Malformed JSON, missing or invalid Name/Addr, body over 64 KiB, or an Addr outside"
              + " registry.allowed-addresses (a host name that does not resolve included)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(responseCode = "401", ref = RegistryApplication.UNAUTHENTICATED)
  @APIResponse(responseCode = "403", ref = RegistryApplication.FORBIDDEN)
  @APIResponse(
      responseCode = "429",
      description = "A new instance beyond registry.limits.max-instances-per-service",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(
      responseCode = "507",
      description = "New services beyond registry.limits.max-services",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(responseCode = "503", ref = RegistryApplication.CLUSTER_UNAVAILABLE)
  public JsonBody register(
      @Context HttpServletRequest request,
      @RequestBody(ref = RegistryApplication.SERVICE_INFO) ServiceInfo instance) {
    addresses.check(instance, request.getRemoteAddr());
    return new JsonBody(InstancesJson.byName(table.register(instance)));
  }

  @DELETE
  @RegistryWrite
  @Operation(
      operationId = "deregister",
      summary = "Deregister an instance (also answered 200 when it was not registered)")
  @SecurityRequirement(name = OpenApiNames.BEARER)
  @APIResponse(responseCode = "200", description = "The instance is not registered any more")
  @APIResponse(responseCode = "400", ref = RegistryApplication.INVALID_SERVICE_INFO)
  @APIResponse(responseCode = "401", ref = RegistryApplication.UNAUTHENTICATED)
  @APIResponse(responseCode = "403", ref = RegistryApplication.FORBIDDEN)
  @APIResponse(responseCode = "503", ref = RegistryApplication.CLUSTER_UNAVAILABLE)
  public Response deregister(
      @RequestBody(ref = RegistryApplication.SERVICE_INFO) ServiceInfo instance) {
    table.deregister(instance);
    return Response.ok().build(); // the protocol says 200, not JAX-RS's 204 for void
  }

  @GET
  @Operation(
      operationId = "listServices",
      summary = "Every known service with its live instances ([] for a known service without one)")
  @SecurityRequirements // open: anyone who reaches the registry may look up
  @APIResponse(
      responseCode = "200",
      description = "Service name -> instances",
      content =
          @Content(
              schema =
                  @Schema(type = SchemaType.OBJECT, additionalProperties = ServiceInfo[].class)))
  public Map<String, List<ServiceInfo>> all() {
    return table.services();
  }

  @GET
  @Path("{name}")
  @Operation(
      operationId = "getService",
      summary = "The live instances of one service ([] when none)")
  @SecurityRequirements
  @APIResponse(
      responseCode = "200",
      description = "Its instances",
      content =
          @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ServiceInfo.class)))
  public JsonBody instancesOf(@PathParam("name") String name) {
    return new JsonBody(table.instancesJsonOf(name));
  }
}
