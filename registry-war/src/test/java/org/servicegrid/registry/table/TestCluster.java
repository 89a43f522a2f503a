package org.servicegrid.registry.table;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;
import org.servicegrid.registry.cluster.ClusterSettings;
import org.servicegrid.registry.cluster.SharedRegistrations;

/**
 * One single-node Hazelcast member for the unit tests of a JVM, configured as a default registry
 * node but on a port the system picks (0); each table gets a map of its own, so tests do not see
 * each other's registrations.
 */
public final class TestCluster {

  private static HazelcastInstance member;

  private TestCluster() {}

  public static synchronized HazelcastInstance member() {
    if (member == null) {
      ClusterSettings settings =
          new ClusterSettings(
              "servicegrid-unit-tests", "127.0.0.1", 0, List.of(), Duration.ofSeconds(5));
      member =
          Hazelcast.newHazelcastInstance(
              settings.hazelcastConfig(TestCluster.class.getClassLoader()));
    }
    return member;
  }

  /** An empty map of registrations on the test member. */
  public static SharedRegistrations freshRegistrations() {
    return new SharedRegistrations(member(), ClusterSettings.MAP + "." + UUID.randomUUID());
  }

  /** A table on a fresh map without limits, whose change feed runs on a daemon thread. */
  static ServiceTable table(
      ChangeSink sink,
      java.util.function.Consumer<Object> publisher,
      Clock clock,
      int maxIdleServices) {
    return table(
        sink, publisher, clock, settings(maxIdleServices, Integer.MAX_VALUE, Integer.MAX_VALUE));
  }

  static ServiceTable table(
      ChangeSink sink,
      java.util.function.Consumer<Object> publisher,
      Clock clock,
      TableSettings settings) {
    return new ServiceTable(freshRegistrations(), sink, publisher, clock, settings, daemons());
  }

  /** A table's settings for tests: writes wait 5 s at most for the test member. */
  static TableSettings settings(int maxIdleServices, int maxInstancesPerService, int maxServices) {
    return new TableSettings(
        maxIdleServices,
        java.time.Duration.ofSeconds(5),
        maxInstancesPerService,
        maxServices,
        java.time.Duration.ofDays(7));
  }

  static ThreadFactory daemons() {
    return task -> {
      Thread thread = new Thread(task);
      thread.setDaemon(true);
      return thread;
    };
  }
}
