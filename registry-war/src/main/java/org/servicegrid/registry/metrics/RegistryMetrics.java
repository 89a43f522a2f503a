package org.servicegrid.registry.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.servicegrid.registry.table.Change;
import org.servicegrid.registry.table.ServiceTable;
import org.servicegrid.registry.table.ServicesForgotten;

/**
 * The registry's application metrics (Prometheus at {@code /metrics?scope=application}): counters fed by the
 * table's change events and by the heart-beat and notification paths, a notification-latency timer, and
 * one {@code registry_instances{service="..."}} gauge per known service, read from the table at scrape
 * time so it can never drift from it. Gauges of services the table forgets are removed with them.
 */
@ApplicationScoped
public class RegistryMetrics {

  private static final Metadata INSTANCES_METADATA =
      Metadata.builder().withName("registry.instances").withDescription("Live instances per service").build();

  private final Set<String> gauged = ConcurrentHashMap.newKeySet();

  @Inject private MetricRegistry registry;
  @Inject private ServiceTable table;

  private Counter registrations;
  private Counter deregistrations;
  private Counter evictions;
  private Counter heartBeatFailures;
  private Counter notificationFailures;
  private Timer notificationLatency;

  @PostConstruct
  void init() {
    registrations = counter("registry.registrations", "Registrations accepted, new or replacing");
    deregistrations = counter("registry.deregistrations", "Instances that deregistered");
    evictions = counter("registry.evictions", "Instances evicted after missing heart-beats");
    heartBeatFailures = counter("registry.heartbeat.failures", "Heart-beat checks that failed");
    notificationFailures = counter("registry.notification.failures", "Notices a dependent did not accept");
    notificationLatency = registry.timer(Metadata.builder()
        .withName("registry.notification.latency")
        .withDescription("Time from a change to a dependent's acceptance of its notice")
        .build());
  }

  void onChange(@Observes Change change) {
    switch (change.kind()) {
      case REGISTERED -> {
        registrations.inc();
        String name = change.instance().name();
        if (gauged.add(name)) {
          registry.gauge(INSTANCES_METADATA, () -> table.instanceCount(name), new Tag("service", name));
        }
      }
      case REPLACED -> registrations.inc();
      case DEREGISTERED -> deregistrations.inc();
      case EVICTED -> evictions.inc();
    }
  }

  void onForgotten(@Observes ServicesForgotten forgotten) {
    for (String name : forgotten.names()) {
      if (gauged.remove(name)) {
        registry.remove(new MetricID(INSTANCES_METADATA.getName(), new Tag("service", name)));
      }
    }
  }

  public void heartBeatFailed() {
    heartBeatFailures.inc();
  }

  public void notificationFailed() {
    notificationFailures.inc();
  }

  public void notificationDelivered(Duration latency) {
    notificationLatency.update(latency);
  }

  private Counter counter(String name, String description) {
    return registry.counter(Metadata.builder().withName(name).withDescription(description).build());
  }

}
