package org.servicegrid.protocol.config;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The base of every module's {@code @ApplicationScoped} configuration bean: CDI creates the bean, and so runs its
 * {@link #validate()}, before any other part of the application observes the start, so a bad value fails the
 * deployment with a message naming its key. A key is an {@code @Inject @ConfigProperty(name = "full.key")} field
 * (its default in the module's {@code microprofile-config.properties}), with a {@link Range} when it is a number,
 * and a getter (milliseconds as a {@code Duration}).
 */
public abstract class ValidatedConfig {

  @Inject Config config;

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
   * Checks the {@link Range} of every field, throwing {@link InvalidConfigurationException} for the first value
   * out of it. A bean whose keys depend on each other overrides this, calling it first. Public so that a unit test
   * can check a bean that it filled without a container.
   */
  public void validate() {
    for (Class<?> type = getClass(); type != ValidatedConfig.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        Range range = field.getAnnotation(Range.class);
        if (range != null) {
          check(field.getAnnotation(ConfigProperty.class).name(), read(field), range.min(), range.max());
        }
      }
    }
  }

  private long read(Field field) {
    try {
      field.setAccessible(true);
      return field.getLong(this);
    } catch (IllegalAccessException | IllegalArgumentException e) {
      throw new IllegalStateException("@Range is for int and long fields: " + field, e);
    }
  }

  private static void check(String key, long value, long min, long max) {
    String rule;
    if (max != Long.MAX_VALUE) {
      rule = "must be between " + min + " and " + max;
    } else {
      rule = min == 0 ? "must not be negative" : min == 1 ? "must be positive" : "must be at least " + min;
    }
    InvalidConfigurationException.require(value >= min && value <= max, key, value, rule);
  }

  /** The keys under {@code prefix}, read from this application's MicroProfile Config and checked as they are read. */
  protected ConfigKeys keys(String prefix) {
    return new ConfigKeys(config, prefix);
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
