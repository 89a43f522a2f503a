package org.servicegrid.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.servicegrid.protocol.config.Range;
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
  @Range(min = 1)
  long heartBeatPeriod;

  @Inject
  @ConfigProperty(name = "registry.heartbeat.attempts")
  @Range(min = 1)
  int heartBeatAttempts;

  @Inject
  @ConfigProperty(name = "registry.heartbeat.retry-pause")
  @Range(min = 0)
  long heartBeatRetryPause;

  @Inject
  @ConfigProperty(name = "registry.heartbeat.connect-timeout")
  @Range(min = 1)
  long heartBeatConnectTimeout;

  @Inject
  @ConfigProperty(name = "registry.heartbeat.read-timeout")
  @Range(min = 1)
  long heartBeatReadTimeout;

  @Inject
  @ConfigProperty(name = "registry.heartbeat.parallelism")
  @Range(min = 1)
  int heartBeatParallelism;

  @Inject
  @ConfigProperty(name = "registry.notify.connect-timeout")
  @Range(min = 1)
  long notifyConnectTimeout;

  @Inject
  @ConfigProperty(name = "registry.notify.read-timeout")
  @Range(min = 1)
  long notifyReadTimeout;

  @Inject
  @ConfigProperty(name = "registry.notify.queue-capacity")
  @Range(min = 1)
  int notifyQueueCapacity;

  @Inject
  @ConfigProperty(name = "registry.notify.max-connections")
  @Range(min = 1)
  int notifyMaxConnections;

  @Inject
  @ConfigProperty(name = "registry.notify.threads")
  @Range(min = 1)
  int notifyThreads;

  @Inject
  @ConfigProperty(name = "registry.table.max-idle-services")
  @Range(min = 0)
  int maxIdleServices;

  @Inject
  @ConfigProperty(name = "registry.events.capacity")
  @Range(min = 1)
  int eventsCapacity;

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
