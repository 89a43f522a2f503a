package org.servicegrid.visit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The visit service's settings, read once from MicroProfile Config and checked at start. Defaults live in
 * {@code META-INF/microprofile-config.properties}, except {@code visit.state.file}: its default comes from
 * the server's {@code server.xml} variable (a properties default would outrank it), with a code fallback.
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

  @PostConstruct
  void validate() {
    if (waitTimeoutMillis < 1) {
      throw new IllegalArgumentException("Invalid configuration: visit.counter.wait-timeout must be positive");
    }
    if (maxGroup < 1) {
      throw new IllegalArgumentException("Invalid configuration: visit.counter.max-group must be at least 1");
    }
    if (logAttempts < 1) {
      throw new IllegalArgumentException("Invalid configuration: visit.log.attempts must be at least 1");
    }
  }

  /**
   * {@code visit.state.file}; without it, {@code data/visit-count} under Liberty's server output directory
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
}
