package org.servicegrid.client.internal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Answers the registry's heart-beat, and records that the registry was heard from: its silence is
 * how this instance notices it was evicted or that the registry restarted.
 */
@Path("heart-beat")
@RequestScoped
@Tag(name = "registry callbacks", description = "Called by the registry, not by users")
@SecurityRequirements // open: the probe carries no token and answers nothing but 200
public class HeartBeatResource {

  @Inject RegistrationState state;

  @GET
  @Operation(operationId = "heartBeat", summary = "Liveness probe used by the registry")
  @APIResponse(responseCode = "200", description = "This instance is serving")
  public Response beat() {
    state.heard();
    return Response.ok().build();
  }
}
