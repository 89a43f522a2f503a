package org.servicegrid.log;

import static org.servicegrid.protocol.config.InvalidConfigurationException.require;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.servicegrid.protocol.config.Range;
import org.servicegrid.protocol.config.ValidatedConfig;

/**
 * The log service's settings ({@code log.*}). Defaults live only in {@code META-INF/microprofile-config.properties},
 * except {@code log.file}: its default comes from server.xml (a properties default would outrank it).
 * Validated once, before the rest of the application starts: a bad value fails the deployment naming its key.
 */
@ApplicationScoped
public class LogConfig extends ValidatedConfig {

  @Inject
  @ConfigProperty(name = "log.file")
  Optional<String> file;

  @Inject
  @ConfigProperty(name = "log.rotate.max-bytes")
  @Range(min = 1024)
  long rotateMaxBytes;

  @Inject
  @ConfigProperty(name = "log.rotate.keep")
  @Range(min = 0)
  int rotateKeep;

  @Inject
  @ConfigProperty(name = "log.message.max-bytes")
  @Range(min = 1)
  int messageMaxBytes;

  @Inject
  @ConfigProperty(name = "log.batch.max-bytes")
  @Range(min = 2)
  int batchMaxBytes;

  @Inject
  @ConfigProperty(name = "log.tail.default-lines")
  int tailDefaultLines;

  @Inject
  @ConfigProperty(name = "log.tail.max-lines")
  @Range(min = 1)
  int tailMaxLines;

  @Inject
  @ConfigProperty(name = "log.tail.max-bytes")
  @Range(min = 1024)
  long tailMaxBytes;

  @Override
  public void validate() {
    super.validate();
    require(tailDefaultLines >= 1 && tailDefaultLines <= tailMaxLines, "log.tail.default-lines", tailDefaultLines,
        "must be between 1 and log.tail.max-lines");
  }

  /**
   * {@code log.file}; without it, {@code logs/service.log} under Liberty's server output directory (the
   * {@code server.output.dir} system property, which is also the server's working directory).
   */
  public Path file() {
    return pathOrServerOutput(file, "logs", "service.log");
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
