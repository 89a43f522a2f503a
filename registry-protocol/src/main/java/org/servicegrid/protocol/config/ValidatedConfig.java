package org.servicegrid.protocol.config;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.servicegrid.protocol.Transport;

/**
 * The base of every module's {@code @ApplicationScoped} configuration bean: CDI creates the bean,
 * and so runs its {@link #validate()}, before any other part of the application observes the start,
 * so a bad value fails the deployment with a message naming its key. The bean reads each key once
 * through {@link #keys(String)} (its default in the module's {@code
 * microprofile-config.properties}) into small per-feature records, which it produces
 * ({@code @Produces} fields) for the beans that use them.
 */
public abstract class ValidatedConfig {

  @Inject Config config;

  /**
   * Creates this bean, and so validates it, before any other part of the application observes the
   * start.
   */
  void onStart(
      @Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) @Initialized(ApplicationScoped.class)
          Object event) {
    // the bean's creation is the point
  }

  @PostConstruct
  void validateOnCreation() {
    validate();
  }

  /**
   * Reads and checks every key, throwing {@link InvalidConfigurationException} for the first bad
   * value. Public so that a unit test can check a bean that ConfigFixture gave its configuration.
   */
  public abstract void validate();

  /**
   * The keys under {@code prefix}, read from this application's MicroProfile Config and checked as
   * they are read.
   */
  protected ConfigKeys keys(String prefix) {
    return new ConfigKeys(config, prefix);
  }

  /**
   * How the servers call each other ({@code servicegrid.tls}, the same for every server of a
   * system).
   */
  protected Transport readTransport() {
    return transportOf(keys("").text(Transport.KEY));
  }

  /**
   * {@code false}: plain HTTP; {@code true}: HTTPS with the JVM's default socket factory.
   *
   * @throws InvalidConfigurationException for any other value
   */
  static Transport transportOf(String tls) {
    if ("false".equals(tls)) {
      return Transport.http();
    }
    InvalidConfigurationException.require(
        "true".equals(tls), Transport.KEY, tls, "must be true or false");
    return Transport.httpsWithJvmDefault();
  }

  /**
   * The configured path, or without one (absent or blank) the path {@code defaultPath} under
   * Liberty's server output directory: the {@code server.output.dir} system property, which is also
   * the server's working directory.
   */
  protected static Path pathOrServerOutput(Optional<String> configured, String... defaultPath) {
    return configured
        .filter(value -> !value.isBlank())
        .map(Path::of)
        .orElseGet(() -> Path.of(System.getProperty("server.output.dir", "."), defaultPath));
  }
}
