package org.servicegrid.visit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The visit service's application metrics (Prometheus text at {@code /metrics?scope=application}):
 * visits counted, visits refused because they could not be logged or stored or waited too long, and
 * the count. Registered programmatically because "refused" is an outcome, not a method an
 * annotation could count.
 */
@ApplicationScoped
public class VisitMetrics {

  @Inject MetricRegistry registry;

  private Counter counted;
  private Counter refused;

  @PostConstruct
  void register() {
    counted =
        registry.counter(
            metadata("visit.visits.counted", "Visits counted (their log line was accepted)"));
    refused =
        registry.counter(metadata("visit.visits.refused", "Visits answered 503 and not counted"));
  }

  /** Publishes the current count as a gauge; called once the counter exists. */
  void watch(LongSupplier count) {
    registry.gauge(
        metadata(
            "visit.count",
            "The visit count as this instance last saw it (other instances count too)"),
        count,
        LongSupplier::getAsLong);
  }

  private static Metadata metadata(String name, String description) {
    return Metadata.builder().withName(name).withDescription(description).build();
  }

  // Public: a package-private method on a normal-scoped bean is called through reflection by Weld's
  // proxy.
  public void counted() {
    counted.inc();
  }

  public void refused() {
    refused.inc();
  }
}
