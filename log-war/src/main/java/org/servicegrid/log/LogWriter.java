package org.servicegrid.log;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The service's single managed log writer: owns the one {@link LogFile} for the application's
 * lifetime, formats each message into a line, records the metrics and closes the file at shutdown.
 * It opens the file when the application starts (not with the first request) so that a bad {@code
 * log.file} shows at once in the server log and in the liveness check.
 */
@ApplicationScoped
public class LogWriter {

  private static final Logger LOG = Logger.getLogger(LogWriter.class.getName());

  @Inject LogFileSettings fileSettings;
  @Inject TailSettings tailSettings;
  @Inject LogMetrics metrics;

  private final Clock clock = Clock.systemUTC();
  private LogFile file;

  @PostConstruct
  void open() {
    file =
        new LogFile(
            fileSettings.path(),
            fileSettings.rotateMaxBytes(),
            fileSettings.rotateKeep(),
            metrics::rotated);
    file.open();
  }

  /** Instantiates the writer (and so opens the file) as soon as the application starts. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    LOG.log(Level.INFO, "Log service writes to {0}", file.path());
  }

  /**
   * Appends one line per message, contiguous and in order, in a single write under the file's lock:
   * either all of them are in the file when this returns, or (it throws) none of them. {@code
   * traceId} is the trace of the request that sent them, or null when it was not traced.
   */
  public void appendAll(String caller, String traceId, List<String> messages) {
    long started = System.nanoTime();
    String prefix = LineFormat.prefix(clock.instant(), caller);
    String suffix = LineFormat.suffix(traceId);
    StringBuilder text =
        new StringBuilder(messages.size() * (prefix.length() + suffix.length() + 16));
    for (String message : messages) {
      LineFormat.appendLine(text, prefix, message, suffix);
    }
    byte[] lines = text.toString().getBytes(StandardCharsets.UTF_8);
    try {
      file.append(lines);
    } catch (IOException e) {
      metrics.appendFailed();
      throw new LogFileUnavailableException(e);
    }
    metrics.appended(messages.size(), lines.length, Duration.ofNanos(System.nanoTime() - started));
  }

  /** The last {@code lines} lines of the log, oldest first. */
  public List<String> tail(int lines) {
    try {
      return TailReader.lastLines(file.snapshotForTail(), lines, tailSettings.maxBytes());
    } catch (IOException e) {
      throw new LogFileUnavailableException(e);
    }
  }

  /** Null while appends work, else why not. */
  public String problem() {
    return file.problem();
  }

  public String path() {
    return file.path().toString();
  }

  @PreDestroy
  void close() {
    file.close();
    LOG.log(Level.INFO, "Closed log file {0}", file.path());
  }
}
