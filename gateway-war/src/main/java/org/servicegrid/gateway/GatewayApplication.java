package org.servicegrid.gateway;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The gateway's JAX-RS application at the root. It serves only what the gateway answers itself: the
 * route listing at {@code GET /} and the registry-client library's {@code /services} and {@code
 * /heart-beat}. Every other path is forwarded by {@link org.servicegrid.gateway.proxy.ProxyFilter}
 * before JAX-RS sees it.
 */
@ApplicationPath("/")
@OpenAPIDefinition(
    info =
        @Info(
            title = "servicegrid gateway",
            version = "1.0",
            description =
                "Forwards /{service}/{path} to a live instance of any service registered with the"
                    + " registry."),
    tags = @Tag(name = "routes", description = "What the gateway routes to"))
public class GatewayApplication extends Application {}
