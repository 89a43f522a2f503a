package org.servicegrid.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.servicegrid.protocol.ServiceInfo;

/**
 * The library's configuration, read once at start from MicroProfile Config by {@link SettingsParser}.
 * Keeping it an immutable value (rather than reading Config on every call) gives every component the same
 * view and lets the parsing and validation be unit-tested without a server. {@link #problems()} lists every
 * invalid value; when it is not empty the library does not register, and its readiness says why.
 */
public record ClientSettings(
    String serviceName,
    String serviceAddress,
    List<String> requiredServices,
    URI registryUrl,
    Duration connectTimeout,
    Duration readTimeout,
    Duration deregisterTimeout,
    SelectionPolicy selection,
    Duration failureCooldown,
    Duration retryInitialDelay,
    Duration retryMaxDelay,
    Duration registrySilence,
    List<String> problems) {

  public ClientSettings {
    requiredServices = List.copyOf(requiredServices);
    problems = List.copyOf(problems);
  }

  public boolean valid() {
    return problems.isEmpty();
  }

  /** What this instance registers, before any service added at run time by {@code requireServices}. */
  public ServiceInfo self() {
    return new ServiceInfo(serviceName, serviceAddress, requiredServices);
  }
}
