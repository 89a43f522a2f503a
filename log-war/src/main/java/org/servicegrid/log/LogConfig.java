package org.servicegrid.log;

import static org.servicegrid.protocol.config.InvalidConfigurationException.require;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The log service's settings ({@code log.*}). Defaults live only in {@code META-INF/microprofile-config.properties},
 * except {@code log.file}: its default comes from server.xml (a properties default would outrank it).
 * Validated once, before the rest of the application starts: a bad value fails the deployment naming its key.
 */
@ApplicationScoped
public class LogConfig {

  @Inject
  @ConfigProperty(name = "log.file")
  Optional<String> file;

  @Inject
  @ConfigProperty(name = "log.rotate.max-bytes")
  long rotateMaxBytes;

  @Inject
  @ConfigProperty(name = "log.rotate.keep")
  int rotateKeep;

  @Inject
  @ConfigProperty(name = "log.message.max-bytes")
  int messageMaxBytes;

  @Inject
  @ConfigProperty(name = "log.batch.max-bytes")
  int batchMaxBytes;

  @Inject
  @ConfigProperty(name = "log.tail.default-lines")
  int tailDefaultLines;

  @Inject
  @ConfigProperty(name = "log.tail.max-lines")
  int tailMaxLines;

  @Inject
  @ConfigProperty(name = "log.tail.max-bytes")
  long tailMaxBytes;

  /** Creates this bean, and so validates it, before any other part of the application observes the start. */
  void onStart(
      @Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) @Initialized(ApplicationScoped.class) Object event) {
    // the bean's creation is the point
  }

  @PostConstruct
  void validate() {
    require(rotateMaxBytes >= 1024, "log.rotate.max-bytes", rotateMaxBytes, "must be at least 1024");
    require(rotateKeep >= 0, "log.rotate.keep", rotateKeep, "must not be negative");
    require(messageMaxBytes >= 1, "log.message.max-bytes", messageMaxBytes, "must be positive");
    require(batchMaxBytes >= 2, "log.batch.max-bytes", batchMaxBytes, "must be at least 2");
    require(tailMaxLines >= 1, "log.tail.max-lines", tailMaxLines, "must be positive");
    require(tailDefaultLines >= 1 && tailDefaultLines <= tailMaxLines, "log.tail.default-lines", tailDefaultLines,
        "must be between 1 and log.tail.max-lines");
    require(tailMaxBytes >= 1024, "log.tail.max-bytes", tailMaxBytes, "must be at least 1024");
  }

  /**
   * {@code log.file}; without it, {@code logs/service.log} under Liberty's server output directory (the
   * {@code server.output.dir} system property, which is also the server's working directory).
   */
  public Path file() {
    return file.filter(value -> !value.isBlank())
        .map(Path::of)
        .orElseGet(() -> Path.of(System.getProperty("server.output.dir", "."), "logs", "service.log"));
  }

  public long rotateMaxBytes() {
    return rotateMaxBytes;
  }

  public int rotateKeep() {
    return rotateKeep;
  }

  public int messageMaxBytes() {
    return messageMaxBytes;
  }

  public int batchMaxBytes() {
    return batchMaxBytes;
  }

  public int tailDefaultLines() {
    return tailDefaultLines;
  }

  public int tailMaxLines() {
    return tailMaxLines;
  }

  public long tailMaxBytes() {
    return tailMaxBytes;
  }
}
