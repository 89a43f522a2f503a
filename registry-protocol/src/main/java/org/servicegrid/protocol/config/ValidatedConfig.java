package org.servicegrid.protocol.config;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The base of every module's {@code @ApplicationScoped} configuration bean: CDI creates the bean, and so runs its
 * {@link #validate()}, before any other part of the application observes the start, so a bad value fails the
 * deployment with a message naming its key. A key is an {@code @Inject @ConfigProperty(name = "full.key")} field
 * (its default in the module's {@code microprofile-config.properties}), a line in {@code validate()} such as
 * {@code requireAtLeast("full.key", field, 1)}, and a getter (milliseconds as a {@code Duration}).
 */
public abstract class ValidatedConfig {

  /** Creates this bean, and so validates it, before any other part of the application observes the start. */
  void onStart(
      @Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) @Initialized(ApplicationScoped.class) Object event) {
    // the bean's creation is the point
  }

  @PostConstruct
  void validateOnCreation() {
    validate();
  }

  /**
   * Checks every value, throwing {@link InvalidConfigurationException} for the first one out of range. Public so
   * that a unit test can check a bean that it filled without a container.
   */
  public abstract void validate();

  /** Requires {@code value >= min}: 0 reads "must not be negative", 1 "must be positive". */
  protected static void requireAtLeast(String key, long value, long min) {
    String rule = min == 0 ? "must not be negative" : min == 1 ? "must be positive" : "must be at least " + min;
    InvalidConfigurationException.require(value >= min, key, value, rule);
  }

  /** Requires {@code min <= value <= max}. */
  protected static void requireBetween(String key, long value, long min, long max) {
    InvalidConfigurationException.require(value >= min && value <= max, key, value,
        "must be between " + min + " and " + max);
  }

  /**
   * The configured path, or without one (absent or blank) the path {@code defaultPath} under Liberty's server
   * output directory: the {@code server.output.dir} system property, which is also the server's working directory.
   */
  protected static Path pathOrServerOutput(Optional<String> configured, String... defaultPath) {
    return configured.filter(value -> !value.isBlank())
        .map(Path::of)
        .orElseGet(() -> Path.of(System.getProperty("server.output.dir", "."), defaultPath));
  }
}
