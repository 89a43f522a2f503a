package org.servicegrid.client.internal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicegrid.protocol.ErrorBody;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.protocol.rest.OpenApiNames;

/**
 * The registry's change notifications for the services this instance requires (protocol callback).
 * Only the registry may send them ({@link NoticeAccess}): a refused notice answers 401/403 and
 * changes nothing. The bearer scheme is declared here, with the only operations of the library that
 * need it, so that an application serving the library need not know of it.
 */
@Path("services")
@RequestScoped
@Tag(name = "registry callbacks", description = "Called by the registry, not by users")
@SecurityScheme(
    securitySchemeName = OpenApiNames.BEARER,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description = OpenApiNames.BEARER_DESCRIPTION)
@SecurityRequirement(name = OpenApiNames.BEARER)
@Consumes(
    MediaType.WILDCARD) // the original registry sends no content type; ServiceInfoReader validates
@Produces(MediaType.APPLICATION_JSON)
// On the class, a response documents every operation (MP OpenAPI 3.1): both callbacks validate the
// same body.
@APIResponse(
    responseCode = "400",
    description = "Not a valid ServiceInfo; nothing changed",
    content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@APIResponse(
    responseCode = "401",
    description = "No valid token (and not from anonymous-notices-from); nothing changed",
    content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@APIResponse(
    responseCode = "403",
    description = "A valid token, but not the registry's; nothing changed",
    content = @Content(schema = @Schema(implementation = ErrorBody.class)))
public class NotificationResource {

  @Inject InstanceChanges changes;
  @Inject RegistrationState state;
  @Inject NoticeAccess access;

  @HeaderParam(HttpHeaders.AUTHORIZATION)
  String authorization;

  @Context HttpServletRequest request;

  @POST
  @Operation(
      operationId = "addInstance",
      summary = "An instance of a required service was added; it becomes selectable")
  @APIResponse(responseCode = "200", description = "Added to the local table")
  public Response added(@Schema(implementation = ServiceInfo.class) ServiceInfo instance) {
    return apply(changes::added, instance);
  }

  @DELETE
  @Operation(
      operationId = "removeInstance",
      summary = "An instance of a required service was removed; it is no longer selected")
  @APIResponse(
      responseCode = "200",
      description = "Removed from the local table (also when unknown)")
  public Response removed(@Schema(implementation = ServiceInfo.class) ServiceInfo instance) {
    return apply(changes::removed, instance);
  }

  /** Checks the sender, notes that the registry was heard from, then applies the change. */
  private Response apply(Consumer<ServiceInfo> change, ServiceInfo instance) {
    access.check(authorization, request.getRemoteAddr());
    state.heard();
    change.accept(instance);
    return Response.ok().build();
  }
}
