package org.servicegrid.client.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicegrid.protocol.Failures;
import org.servicegrid.protocol.InvalidRequestException;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.protocol.ServiceInfoValidator;

/**
 * The calls this instance makes to the registry, through {@link RegistryClient}. Registration and listing use
 * one cached client with the configured timeouts; deregistration builds its own client with the short
 * {@code registry.client.deregister-timeout}, because it runs while the application is stopping and must
 * not hold the shutdown up when the registry is away.
 */
@ApplicationScoped
public class RegistryCalls {

  private static final Logger LOG = Logger.getLogger(RegistryCalls.class.getName());

  @Inject ClientConfig config;
  @Inject RestClients clients;

  private RegistryClient client; // guarded by this; building does no I/O

  /** Registers and answers the registry's view of each required service, without invalid entries. */
  Map<String, List<ServiceInfo>> register(ServiceInfo self) {
    return usable(client().register(self));
  }

  /** Every service the registry knows ({@code GET /services}), without invalid entries. */
  public Map<String, List<ServiceInfo>> services() {
    return usable(client().all());
  }

  /** Only valid names, each with only well-formed instances of itself; a broken entry is logged, not fatal. */
  static Map<String, List<ServiceInfo>> usable(Map<String, List<ServiceInfo>> answer) {
    Map<String, List<ServiceInfo>> usable = new HashMap<>();
    if (answer != null) {
      answer.forEach((service, instances) -> {
        if (ServiceInfoValidator.isValidName(service)) {
          usable.put(service, usable(service, instances));
        } else {
          LOG.log(Level.WARNING, "Ignoring invalid service name {0} in the registry''s answer", service);
        }
      });
    }
    return usable;
  }

  private static List<ServiceInfo> usable(String service, List<ServiceInfo> instances) {
    if (instances == null) {
      return List.of();
    }
    return instances.stream().filter(Objects::nonNull).filter(instance -> {
      try {
        ServiceInfoValidator.validate(instance);
        if (instance.name().equals(service)) {
          return true;
        }
      } catch (InvalidRequestException e) {
        // reported below
      }
      LOG.log(Level.WARNING, "Ignoring invalid instance {0} of {1} in the registry''s answer",
          new Object[] {instance, service});
      return false;
    }).toList();
  }

  void deregister(ServiceInfo self) {
    RegistryClient shutdownClient =
        clients.buildForShutdown(config.registryUrl(), RegistryClient.class, config.deregisterTimeout());
    try {
      shutdownClient.deregister(self);
    } finally {
      RestClients.close(shutdownClient);
    }
  }

  synchronized void close() {
    if (client != null) {
      RestClients.close(client);
      client = null;
    }
  }

  private synchronized RegistryClient client() {
    if (client == null) {
      client = clients.build(config.registryUrl(), RegistryClient.class, config.connectTimeout(),
          config.readTimeout());
    }
    return client;
  }

  /** A one-line reason for a failed call: the HTTP status, or the innermost transport error. */
  static String describe(RuntimeException e) {
    if (e instanceof WebApplicationException wae && wae.getResponse() != null) {
      return "HTTP " + wae.getResponse().getStatus();
    }
    return Failures.describe(e);
  }
}
