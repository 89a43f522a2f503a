package org.servicegrid.log;

import static org.servicegrid.protocol.config.InvalidConfigurationException.require;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import org.servicegrid.protocol.config.ConfigKeys;
import org.servicegrid.protocol.config.ValidatedConfig;

/**
 * The log service's settings ({@code log.*}). Defaults live only in {@code META-INF/microprofile-config.properties},
 * except {@code log.file}: its default comes from server.xml (a properties default would outrank it).
 * Validated once, before the rest of the application starts: a bad value fails the deployment naming its key.
 */
@ApplicationScoped
public class LogConfig extends ValidatedConfig {

  /** {@code log.rotate.*}: the file is rotated at {@code maxBytes}, and {@code keep} rotated files are kept. */
  public record Rotation(long maxBytes, int keep) {}

  /** {@code log.message.max-bytes} and {@code log.batch.max-bytes}: the largest message and batch body. */
  public record Limits(int messageMaxBytes, int batchMaxBytes) {}

  /** {@code log.tail.*}: {@code GET /log?tail=N}'s default and largest N, and the most bytes read for it. */
  public record Tail(int defaultLines, int maxLines, long maxBytes) {}

  private Path file;
  private Rotation rotation;
  private Limits limits;
  private Tail tail;

  @Override
  public void validate() {
    ConfigKeys log = keys("log");
    file = pathOrServerOutput(log.optional("file"), "logs", "service.log");
    rotation = new Rotation(log.number("rotate.max-bytes", 1024), log.integer("rotate.keep", 0));
    limits = new Limits(log.integer("message.max-bytes", 1), log.integer("batch.max-bytes", 2));
    int maxLines = log.integer("tail.max-lines", 1);
    int defaultLines = log.integer("tail.default-lines");
    require(defaultLines >= 1 && defaultLines <= maxLines, log.key("tail.default-lines"), defaultLines,
        "must be between 1 and log.tail.max-lines");
    tail = new Tail(defaultLines, maxLines, log.number("tail.max-bytes", 1024));
  }

  /**
   * {@code log.file}; without it, {@code logs/service.log} under Liberty's server output directory (the
   * {@code server.output.dir} system property, which is also the server's working directory).
   */
  public Path file() {
    return file;
  }

  public Rotation rotation() {
    return rotation;
  }

  public Limits limits() {
    return limits;
  }

  public Tail tail() {
    return tail;
  }
}
