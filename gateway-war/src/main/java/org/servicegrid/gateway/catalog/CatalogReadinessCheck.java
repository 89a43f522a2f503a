package org.servicegrid.gateway.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.servicegrid.client.ServiceDirectory;

/**
 * Ready once the gateway has loaded the service names from the registry at least once: before that
 * it can only answer 503 for every service. A registry outage afterwards does not make it unready
 * (known services stay routable through the library's table); the library's own "registration"
 * check reports that.
 */
@Readiness
@ApplicationScoped
public class CatalogReadinessCheck implements HealthCheck {

  @Inject ServiceCatalog catalog;
  @Inject ServiceDirectory registry;

  @Override
  public HealthCheckResponse call() {
    CatalogSnapshot snapshot = catalog.snapshot();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("service-catalog")
            .status(snapshot.everLoaded())
            .withData("registry", registry.registryUrl().toString())
            .withData("services", snapshot.names().size());
    if (snapshot.everLoaded()) {
      response.withData("loadedAt", snapshot.loadedAt().toString());
    }
    if (snapshot.problem() != null) {
      response.withData("problem", snapshot.problem());
    }
    return response.build();
  }
}
