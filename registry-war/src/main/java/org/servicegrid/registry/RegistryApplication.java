package org.servicegrid.registry;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicegrid.protocol.ErrorBody;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.protocol.rest.OpenApiNames;

/**
 * The registry's JAX-RS application, served at the root so the protocol paths are {@code
 * /services}. Bearer tokens are verified by Liberty's MicroProfile JWT ({@code mpJwt-2.1}, {@code
 * mp.jwt.verify.*}); no resource is protected by the container, so reads need none, and {@code
 * WriteAccessFilter} decides who may write. What both registry writes take (a ServiceInfo), the
 * errors they share and the bearer scheme they name are documented once here; the writes refer to
 * them.
 */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(
    info =
        @Info(
            title = "servicegrid registry",
            version = "1.0",
            description =
                "Registers service instances, answers lookups, heart-beats them and notifies"
                    + " dependents."),
    tags = {
      @Tag(name = "registry", description = "Register, deregister and look up service instances"),
      @Tag(name = "operations", description = "What the operations dashboard reads"),
      @Tag(name = "dashboard", description = "The operations dashboard's page and assets")
    },
    components =
        @Components(
            requestBodies =
                @RequestBody(
                    name = RegistryApplication.SERVICE_INFO,
                    required = true,
                    content =
                        @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ServiceInfo.class))),
            responses = {
              @APIResponse(
                  name = RegistryApplication.INVALID_SERVICE_INFO,
                  responseCode = "400",
                  description =
                      "Malformed JSON, missing or invalid Name/Addr, Meta beyond its limits, body"
                          + " over 64 KiB",
                  content =
                      @Content(
                          mediaType = MediaType.APPLICATION_JSON,
                          schema = @Schema(implementation = ErrorBody.class))),
              @APIResponse(
                  name = RegistryApplication.UNAUTHENTICATED,
                  responseCode = "401",
                  description = "No valid bearer token (and not from registry.auth.anonymous-from)",
                  content =
                      @Content(
                          mediaType = MediaType.APPLICATION_JSON,
                          schema = @Schema(implementation = ErrorBody.class))),
              @APIResponse(
                  name = RegistryApplication.FORBIDDEN,
                  responseCode = "403",
                  description = "The token may not act for this Name",
                  content =
                      @Content(
                          mediaType = MediaType.APPLICATION_JSON,
                          schema = @Schema(implementation = ErrorBody.class))),
              @APIResponse(
                  name = RegistryApplication.CLUSTER_UNAVAILABLE,
                  responseCode = "503",
                  description =
                      "The registry cluster is unavailable or did not apply the change within"
                          + " registry.cluster.write-timeout",
                  content =
                      @Content(
                          mediaType = MediaType.APPLICATION_JSON,
                          schema = @Schema(implementation = ErrorBody.class)))
            }))
@SecurityScheme(
    securitySchemeName = OpenApiNames.BEARER,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description = OpenApiNames.BEARER_DESCRIPTION)
public class RegistryApplication extends Application {

  /** The body of a registration or deregistration, as an OpenAPI request body reference. */
  public static final String SERVICE_INFO = "ServiceInfo";

  /**
   * The 400 of a write whose body is no valid ServiceInfo (nothing changed), as an OpenAPI response
   * reference.
   */
  public static final String INVALID_SERVICE_INFO = "InvalidServiceInfo";

  /** The 401 of a write without an acceptable credential, as an OpenAPI response reference. */
  public static final String UNAUTHENTICATED = "Unauthenticated";

  /**
   * The 403 of a write whose token may not act for the instance's Name, as an OpenAPI response
   * reference.
   */
  public static final String FORBIDDEN = "Forbidden";

  /** The 503 of a write the registry cluster did not apply in time, as an OpenAPI response. */
  public static final String CLUSTER_UNAVAILABLE = "ClusterUnavailable";
}
