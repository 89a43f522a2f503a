package org.servicegrid.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.servicegrid.protocol.config.ValidatedConfig;

/**
 * The registry's settings ({@code registry.*}), defaults only in {@code META-INF/microprofile-config.properties};
 * durations are milliseconds. Validated once, before the rest of the application starts: a bad value fails the
 * deployment naming its key.
 */
@ApplicationScoped
public class RegistryConfig extends ValidatedConfig {

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

  @Override
  public void validate() {
    requireAtLeast("registry.heartbeat.period", heartBeatPeriod, 1);
    requireAtLeast("registry.heartbeat.attempts", heartBeatAttempts, 1);
    requireAtLeast("registry.heartbeat.retry-pause", heartBeatRetryPause, 0);
    requireAtLeast("registry.heartbeat.connect-timeout", heartBeatConnectTimeout, 1);
    requireAtLeast("registry.heartbeat.read-timeout", heartBeatReadTimeout, 1);
    requireAtLeast("registry.heartbeat.parallelism", heartBeatParallelism, 1);
    requireAtLeast("registry.notify.connect-timeout", notifyConnectTimeout, 1);
    requireAtLeast("registry.notify.read-timeout", notifyReadTimeout, 1);
    requireAtLeast("registry.notify.queue-capacity", notifyQueueCapacity, 1);
    requireAtLeast("registry.notify.max-connections", notifyMaxConnections, 1);
    requireAtLeast("registry.notify.threads", notifyThreads, 1);
    requireAtLeast("registry.table.max-idle-services", maxIdleServices, 0);
    requireAtLeast("registry.events.capacity", eventsCapacity, 1);
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
}
