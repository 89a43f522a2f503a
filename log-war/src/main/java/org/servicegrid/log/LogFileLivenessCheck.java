package org.servicegrid.log;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness "log-file": UP while lines can be appended to the file at {@code log.file}. A log
 * service that cannot write its file is useless however well it answers HTTP, so a failed open or
 * write (full disk, lost permissions, a removed volume) turns it DOWN with the path and the reason,
 * and so does a file that was deleted or replaced under the writer ("log file was removed or
 * replaced"): lines would otherwise go to an unlinked inode nobody reads. Each call compares the
 * open file with the path (one {@code stat}); it stays DOWN until a line is written again, since
 * every append retries and reopens the path.
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
    return problem == null
        ? response.up().build()
        : response.down().withData("reason", problem).build();
  }
}
