package org.servicegrid.registry.heartbeat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;
import org.servicegrid.registry.table.ServiceTable;

/** Started once the table is open and the heart-beat monitor ran its first round. */
@Startup
@ApplicationScoped
public class RegistryStartupCheck implements HealthCheck {

  @Inject private ServiceTable table;
  @Inject private HeartBeatMonitor monitor;

  @Override
  public HealthCheckResponse call() {
    boolean open = table.isOpen();
    boolean ticked = monitor.hasTicked();
    var response =
        HealthCheckResponse.named("registry-started")
            .status(open && ticked)
            .withData("tableOpen", open)
            .withData("heartBeatsRunning", ticked);
    return response.build();
  }
}
