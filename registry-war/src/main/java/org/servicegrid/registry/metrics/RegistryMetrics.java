package org.servicegrid.registry.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.servicegrid.registry.cluster.ClusterSettings;
import org.servicegrid.registry.notify.ChangeNotifier;
import org.servicegrid.registry.notify.NoticeDelivered;
import org.servicegrid.registry.notify.NoticeFailed;
import org.servicegrid.registry.table.Change;
import org.servicegrid.registry.table.ServiceTable;
import org.servicegrid.registry.table.ServicesForgotten;

/**
 * The registry's application metrics (Prometheus at {@code /metrics?scope=application}): counters
 * fed by the table's change events and by the heart-beat and notification paths, a
 * notification-latency timer, the notification backlog (a fan-out in progress, or dependents that
 * do not keep up), the cluster's members as this node sees them beside the number it was configured
 * with, and one {@code registry_instances{service="..."}} gauge per known service, read from the
 * table at scrape time so it can never drift from it. Gauges of services the table forgets are
 * removed with them.
 *
 * <p>A new gauge is registered on the managed executor, not on the registering request: the metric
 * registry checks a new tagged metric against every metric of its name, which grows costly with
 * many services. The gauge shows up a moment after the first registration.
 */
@ApplicationScoped
public class RegistryMetrics {

  private static final Metadata INSTANCES_METADATA =
      Metadata.builder()
          .withName("registry.instances")
          .withDescription("Live instances per service")
          .build();

  /** Services with a gauge (or one on its way). */
  private final Set<String> gauged = ConcurrentHashMap.newKeySet();

  /**
   * Held while a gauge is added to or removed from the metric registry, so a forget never races an
   * add.
   */
  private final Object gaugeChanges = new Object();

  @Resource private ManagedExecutorService executor;
  @Inject private MetricRegistry registry;
  @Inject private ServiceTable table;
  @Inject private ChangeNotifier notifier;
  @Inject private ClusterSettings cluster;

  private Counter registrations;
  private Counter deregistrations;
  private Counter evictions;
  private Counter statusChanges;
  private Counter heartBeatFailures;
  private Counter notificationFailures;
  private Timer notificationLatency;

  @PostConstruct
  void init() {
    registrations = counter("registry.registrations", "Registrations accepted, new or replacing");
    deregistrations = counter("registry.deregistrations", "Instances that deregistered");
    evictions = counter("registry.evictions", "Instances evicted after missing heart-beats");
    statusChanges =
        counter(
            "registry.status.changes", "Instances taken out of service or put back by an operator");
    registry.gauge(
        Metadata.builder()
            .withName("registry.instances.out.of.service")
            .withDescription(
                "Instances out of service in the cluster (registered, or left within the"
                    + " retention)")
            .build(),
        () -> table.isOpen() ? table.outOfServiceCount() : 0);
    heartBeatFailures = counter("registry.heartbeat.failures", "Heart-beat checks that failed");
    notificationFailures =
        counter("registry.notification.failures", "Notices a dependent did not accept");
    notificationLatency =
        registry.timer(
            Metadata.builder()
                .withName("registry.notification.latency")
                .withDescription("Time from a change to a dependent's acceptance of its notice")
                .build());
    registry.gauge(
        Metadata.builder()
            .withName("registry.notification.backlog")
            .withDescription("Notices queued for dependents and not yet being sent")
            .build(),
        notifier::backlog);
    registry.gauge(
        Metadata.builder()
            .withName("registry.cluster.members")
            .withDescription(
                "Registry nodes in the cluster as this node sees it (0 until its table is open)")
            .build(),
        () -> table.isOpen() ? table.clusterSize() : 0);
    registry.gauge(
        Metadata.builder()
            .withName("registry.cluster.configured.members")
            .withDescription("Registry nodes this node was configured to form a cluster with")
            .build(),
        () -> cluster.isSingleNode() ? 1 : cluster.members().size());
  }

  void onChange(@Observes Change change) {
    switch (change.kind()) {
      case REGISTERED -> {
        registrations.inc();
        gaugeInstancesOf(change.instance().name());
      }
      case REPLACED -> registrations.inc();
      case DEREGISTERED -> deregistrations.inc();
      case EVICTED -> evictions.inc();
      case OUT_OF_SERVICE, BACK_IN_SERVICE -> statusChanges.inc();
    }
  }

  private void gaugeInstancesOf(String name) {
    if (!gauged.add(name)) {
      return;
    }
    try {
      executor.execute(
          () -> {
            MetricID id = instancesId(name);
            synchronized (gaugeChanges) {
              if (gauged.contains(name)
                  && registry.getGauge(id) == null) { // not forgotten meanwhile
                registry.gauge(
                    INSTANCES_METADATA, () -> table.instanceCount(name), id.getTagsAsArray());
              }
            }
          });
    } catch (
        RejectedExecutionException
            e) { // the application is stopping: no gauge, and no failed request
      gauged.remove(name);
    }
  }

  void onForgotten(@Observes ServicesForgotten forgotten) {
    synchronized (gaugeChanges) {
      for (String name : forgotten.names()) {
        if (gauged.remove(name)) {
          registry.remove(instancesId(name));
        }
      }
    }
  }

  private static MetricID instancesId(String name) {
    return new MetricID(INSTANCES_METADATA.getName(), new Tag("service", name));
  }

  public void heartBeatFailed() {
    heartBeatFailures.inc();
  }

  void onNoticeDelivered(@Observes NoticeDelivered delivered) {
    notificationLatency.update(delivered.latency());
  }

  void onNoticeFailed(@Observes NoticeFailed failed) {
    notificationFailures.inc();
  }

  private Counter counter(String name, String description) {
    return registry.counter(Metadata.builder().withName(name).withDescription(description).build());
  }
}
