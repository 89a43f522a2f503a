package org.servicegrid.log;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetadataBuilder;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The log service's application metrics (Prometheus text at {@code /metrics?scope=application}):
 * lines and bytes appended, append latency including the wait for the file lock, and rotations.
 * Registered programmatically because bytes and rotations are not method calls an annotation could
 * count.
 */
@ApplicationScoped
public class LogMetrics {

  @Inject MetricRegistry registry;

  private Counter lines;
  private Counter bytes;
  private Counter rotations;
  private Counter appendFailures;
  private Timer latency;

  @PostConstruct
  void register() {
    lines =
        registry.counter(metadata("log.lines.appended", "Lines appended to the log file").build());
    bytes =
        registry.counter(
            metadata("log.bytes.appended", "Bytes appended to the log file")
                .withUnit(MetricUnits.BYTES)
                .build());
    rotations =
        registry.counter(
            metadata(
                    "log.rotations",
                    "Times the log file was rotated because it reached log.rotate.max-bytes")
                .build());
    appendFailures =
        registry.counter(
            metadata(
                    "log.append.failures",
                    "Requests whose lines could not be written (answered 503, nothing written)")
                .build());
    latency =
        registry.timer(
            metadata(
                    "log.append.duration",
                    "Time from receiving a request's messages until their lines were written")
                .build());
  }

  private static MetadataBuilder metadata(String name, String description) {
    return Metadata.builder().withName(name).withDescription(description);
  }

  /**
   * Registers the metrics when the application starts. Without this the bean (and so every metric)
   * would appear only with the first line, and a scrape of an idle server would show nothing
   * instead of zeros.
   */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    // Observing instantiates the bean; @PostConstruct did the work.
  }

  // Public: a package-private method on a normal-scoped bean is called through reflection by Weld's
  // proxy.
  public void appended(int lineCount, int lineBytes, Duration took) {
    lines.inc(lineCount);
    bytes.inc(lineBytes);
    latency.update(took);
  }

  public void rotated() {
    rotations.inc();
  }

  public void appendFailed() {
    appendFailures.inc();
  }
}
