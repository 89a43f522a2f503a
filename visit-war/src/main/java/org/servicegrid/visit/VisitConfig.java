package org.servicegrid.visit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.servicegrid.protocol.config.Range;
import org.servicegrid.protocol.config.ValidatedConfig;

/**
 * The visit service's settings ({@code visit.*}). Defaults live only in {@code META-INF/microprofile-config.properties},
 * except {@code visit.state.file}: its default comes from server.xml (a properties default would outrank it).
 * Validated once, before the rest of the application starts: a bad value fails the deployment naming its key.
 */
@ApplicationScoped
public class VisitConfig extends ValidatedConfig {

  @Inject
  @ConfigProperty(name = "visit.state.file")
  Optional<String> stateFile;

  @Inject
  @ConfigProperty(name = "visit.counter.wait-timeout")
  @Range(min = 1)
  long waitTimeoutMillis;

  @Inject
  @ConfigProperty(name = "visit.counter.max-group")
  @Range(min = 1)
  int maxGroup;

  @Inject
  @ConfigProperty(name = "visit.log.attempts")
  @Range(min = 1)
  int logAttempts;

  @Inject
  @ConfigProperty(name = "visit.db.lock-timeout")
  @Range(min = 1)
  long lockTimeoutMillis;

  /**
   * {@code visit.state.file}, the count file of earlier versions (migrated into the database); without it, {@code data/visit-count} under Liberty's server output directory
   * (the {@code server.output.dir} system property, which is also the server's working directory).
   */
  public Path stateFile() {
    return pathOrServerOutput(stateFile, "data", "visit-count");
  }

  /** How long a visit waits to join a group (while the group before it is logged) before it is refused. */
  public Duration waitTimeout() {
    return Duration.ofMillis(waitTimeoutMillis);
  }

  /** The most visits one group (one log call) counts. */
  public int maxGroup() {
    return maxGroup;
  }

  /** How many log instances one visit tries. */
  public int logAttempts() {
    return logAttempts;
  }

  /** How long a group waits for the count's row lock (another instance's group) before it is refused. */
  public Duration lockTimeout() {
    return Duration.ofMillis(lockTimeoutMillis);
  }
}
