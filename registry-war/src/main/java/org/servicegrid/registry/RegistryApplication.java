package org.servicegrid.registry;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The registry's JAX-RS application, served at the root so the protocol paths are {@code /services}. Bearer
 * tokens are verified by Liberty's MicroProfile JWT ({@code mpJwt-2.1}, {@code mp.jwt.verify.*}); no resource is
 * protected by the container, so reads need none, and {@code WriteAccessFilter} decides who may write.
 */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(info = @Info(title = "servicegrid registry", version = "1.0",
    description = "Registers service instances, answers lookups, heart-beats them and notifies dependents."))
public class RegistryApplication extends Application {}
