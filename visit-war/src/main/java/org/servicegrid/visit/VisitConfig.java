package org.servicegrid.visit;

import static org.servicegrid.protocol.config.InvalidConfigurationException.require;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The visit service's settings ({@code visit.*}). Defaults live only in {@code META-INF/microprofile-config.properties},
 * except {@code visit.state.file}: its default comes from server.xml (a properties default would outrank it).
 * Validated once, before the rest of the application starts: a bad value fails the deployment naming its key.
 */
@ApplicationScoped
public class VisitConfig {

  @Inject
  @ConfigProperty(name = "visit.state.file")
  Optional<String> stateFile;

  @Inject
  @ConfigProperty(name = "visit.counter.wait-timeout")
  long waitTimeoutMillis;

  @Inject
  @ConfigProperty(name = "visit.counter.max-group")
  int maxGroup;

  @Inject
  @ConfigProperty(name = "visit.log.attempts")
  int logAttempts;

  @Inject
  @ConfigProperty(name = "visit.db.lock-timeout")
  long lockTimeoutMillis;

  /** Creates this bean, and so validates it, before any other part of the application observes the start. */
  void onStart(
      @Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) @Initialized(ApplicationScoped.class) Object event) {
    // the bean's creation is the point
  }

  @PostConstruct
  void validate() {
    require(waitTimeoutMillis >= 1, "visit.counter.wait-timeout", waitTimeoutMillis, "must be positive");
    require(maxGroup >= 1, "visit.counter.max-group", maxGroup, "must be at least 1");
    require(logAttempts >= 1, "visit.log.attempts", logAttempts, "must be at least 1");
    require(lockTimeoutMillis >= 1, "visit.db.lock-timeout", lockTimeoutMillis, "must be positive");
  }

  /**
   * {@code visit.state.file}, the count file of earlier versions (migrated into the database); without it, {@code data/visit-count} under Liberty's server output directory
   * (the {@code server.output.dir} system property, which is also the server's working directory).
   */
  public Path stateFile() {
    return stateFile.filter(value -> !value.isBlank())
        .map(Path::of)
        .orElseGet(() -> Path.of(System.getProperty("server.output.dir", "."), "data", "visit-count"));
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
