package org.servicegrid.registry.table;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the service table is open and its node a member of the registry cluster. */
@Readiness
@ApplicationScoped
public class TableReadinessCheck implements HealthCheck {

  @Inject private ServiceTable table;

  @Override
  public HealthCheckResponse call() {
    boolean open = table.isOpen();
    return HealthCheckResponse.named("service-table")
        .status(open)
        .withData("instances", open ? table.registrations().size() : 0)
        .withData("services", open ? table.services().size() : 0)
        .withData("clusterMembers", open ? table.clusterSize() : 0)
        .build();
  }
}
