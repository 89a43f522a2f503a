package org.servicegrid.log;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness "log-file": UP while lines can be appended. A log service that cannot write its file is useless
 * however well it answers HTTP, so a failed open or write (full disk, lost permissions, a removed volume)
 * turns it DOWN with the path and the reason, until a line is written again (every append retries).
 */
@Liveness
@ApplicationScoped
public class LogFileLivenessCheck implements HealthCheck {

  @Inject LogWriter writer;

  @Override
  public HealthCheckResponse call() {
    String problem = writer.problem();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("log-file").withData("path", writer.path());
    return problem == null ? response.up().build() : response.down().withData("reason", problem).build();
  }
}
