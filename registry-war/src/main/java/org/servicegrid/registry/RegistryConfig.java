package org.servicegrid.registry;

import static org.servicegrid.protocol.config.InvalidConfigurationException.require;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.servicegrid.registry.cluster.ClusterSettings;

/**
 * The registry's settings ({@code registry.*}), defaults only in {@code META-INF/microprofile-config.properties};
 * durations are milliseconds. Validated once, before the rest of the application starts: a bad value fails the
 * deployment naming its key.
 */
@ApplicationScoped
public class RegistryConfig {

  @Inject
  @ConfigProperty(name = "registry.heartbeat.period")
  long heartBeatPeriod;

  @Inject
  @ConfigProperty(name = "registry.heartbeat.attempts")
  int heartBeatAttempts;

  @Inject
  @ConfigProperty(name = "registry.heartbeat.retry-pause")
  long heartBeatRetryPause;

  @Inject
  @ConfigProperty(name = "registry.heartbeat.connect-timeout")
  long heartBeatConnectTimeout;

  @Inject
  @ConfigProperty(name = "registry.heartbeat.read-timeout")
  long heartBeatReadTimeout;

  @Inject
  @ConfigProperty(name = "registry.heartbeat.parallelism")
  int heartBeatParallelism;

  @Inject
  @ConfigProperty(name = "registry.notify.connect-timeout")
  long notifyConnectTimeout;

  @Inject
  @ConfigProperty(name = "registry.notify.read-timeout")
  long notifyReadTimeout;

  @Inject
  @ConfigProperty(name = "registry.notify.queue-capacity")
  int notifyQueueCapacity;

  @Inject
  @ConfigProperty(name = "registry.notify.max-connections")
  int notifyMaxConnections;

  @Inject
  @ConfigProperty(name = "registry.notify.threads")
  int notifyThreads;

  @Inject
  @ConfigProperty(name = "registry.table.max-idle-services")
  int maxIdleServices;

  @Inject
  @ConfigProperty(name = "registry.events.capacity")
  int eventsCapacity;

  @Inject
  @ConfigProperty(name = "registry.cluster.name")
  String clusterName;

  @Inject
  @ConfigProperty(name = "registry.cluster.host")
  String clusterHost;

  @Inject
  @ConfigProperty(name = "registry.cluster.port")
  int clusterPort;

  /** Empty (the default) for a single node. */
  @Inject
  @ConfigProperty(name = "registry.cluster.members")
  Optional<String> clusterMembers;

  @Inject
  @ConfigProperty(name = "registry.cluster.member-timeout")
  long clusterMemberTimeout;

  @Inject
  @ConfigProperty(name = "registry.cluster.write-timeout")
  long clusterWriteTimeout;

  /** Creates this bean, and so validates it, before any other part of the application observes the start. */
  void onStart(
      @Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) @Initialized(ApplicationScoped.class) Object event) {
    // the bean's creation is the point
  }

  @PostConstruct
  void validate() {
    require(heartBeatPeriod > 0, "registry.heartbeat.period", heartBeatPeriod, "must be positive");
    require(heartBeatAttempts >= 1, "registry.heartbeat.attempts", heartBeatAttempts, "must be at least 1");
    require(heartBeatRetryPause >= 0, "registry.heartbeat.retry-pause", heartBeatRetryPause, "must not be negative");
    require(heartBeatConnectTimeout > 0, "registry.heartbeat.connect-timeout", heartBeatConnectTimeout,
        "must be positive");
    require(heartBeatReadTimeout > 0, "registry.heartbeat.read-timeout", heartBeatReadTimeout, "must be positive");
    require(heartBeatParallelism >= 1, "registry.heartbeat.parallelism", heartBeatParallelism, "must be at least 1");
    require(notifyConnectTimeout > 0, "registry.notify.connect-timeout", notifyConnectTimeout, "must be positive");
    require(notifyReadTimeout > 0, "registry.notify.read-timeout", notifyReadTimeout, "must be positive");
    require(notifyQueueCapacity >= 1, "registry.notify.queue-capacity", notifyQueueCapacity, "must be at least 1");
    require(notifyMaxConnections >= 1, "registry.notify.max-connections", notifyMaxConnections,
        "must be at least 1");
    require(notifyThreads >= 1, "registry.notify.threads", notifyThreads, "must be at least 1");
    require(maxIdleServices >= 0, "registry.table.max-idle-services", maxIdleServices, "must not be negative");
    require(eventsCapacity >= 1, "registry.events.capacity", eventsCapacity, "must be at least 1");
    require(!clusterName.isBlank(), "registry.cluster.name", clusterName, "must not be blank");
    require(!clusterHost.isBlank(), "registry.cluster.host", clusterHost, "must not be blank");
    require(clusterPort >= 1 && clusterPort <= 65535, "registry.cluster.port", clusterPort,
        "must be a port number (1-65535)");
    for (String member : ClusterSettings.parseMembers(clusterMembers())) {
      require(member.matches("[^:,\\s]+:[0-9]{1,5}"), "registry.cluster.members", clusterMembers(),
          "must be a comma-separated list of host:port");
    }
    require(clusterMemberTimeout > 0, "registry.cluster.member-timeout", clusterMemberTimeout, "must be positive");
    require(clusterWriteTimeout > 0, "registry.cluster.write-timeout", clusterWriteTimeout, "must be positive");
  }

  public Duration heartBeatPeriod() {
    return Duration.ofMillis(heartBeatPeriod);
  }

  public int heartBeatAttempts() {
    return heartBeatAttempts;
  }

  public Duration heartBeatRetryPause() {
    return Duration.ofMillis(heartBeatRetryPause);
  }

  public Duration heartBeatConnectTimeout() {
    return Duration.ofMillis(heartBeatConnectTimeout);
  }

  public Duration heartBeatReadTimeout() {
    return Duration.ofMillis(heartBeatReadTimeout);
  }

  public int heartBeatParallelism() {
    return heartBeatParallelism;
  }

  public Duration notifyConnectTimeout() {
    return Duration.ofMillis(notifyConnectTimeout);
  }

  public Duration notifyReadTimeout() {
    return Duration.ofMillis(notifyReadTimeout);
  }

  public int notifyQueueCapacity() {
    return notifyQueueCapacity;
  }

  public int notifyMaxConnections() {
    return notifyMaxConnections;
  }

  public int notifyThreads() {
    return notifyThreads;
  }

  public int maxIdleServices() {
    return maxIdleServices;
  }

  public int eventsCapacity() {
    return eventsCapacity;
  }

  public String clusterName() {
    return clusterName;
  }

  public String clusterHost() {
    return clusterHost;
  }

  public int clusterPort() {
    return clusterPort;
  }

  /** The other members as comma-separated host:port, empty for a single node. */
  public String clusterMembers() {
    return clusterMembers.orElse("");
  }

  public Duration clusterMemberTimeout() {
    return Duration.ofMillis(clusterMemberTimeout);
  }

  public Duration clusterWriteTimeout() {
    return Duration.ofMillis(clusterWriteTimeout);
  }
}
