package org.servicegrid.client;

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
 * The calls this instance makes to the registry, through {@link RegistryClient}. Registration uses one
 * cached client with the configured timeouts; deregistration builds its own client with the short
 * {@code registry.client.deregister-timeout}, because it runs while the application is stopping and must
 * not hold the shutdown up when the registry is away.
 */
@ApplicationScoped
public class RegistryCalls {

  private static final Logger LOG = Logger.getLogger(RegistryCalls.class.getName());

  @Inject ClientConfig config;
  @Inject RestClients clients;

  private RegistryClient registrationClient; // guarded by this; building does no I/O

  /** Registers and answers the registry's view of each required service, without invalid entries. */
  Map<String, List<ServiceInfo>> register(ServiceInfo self) {
    Map<String, List<ServiceInfo>> answer = registrationClient().register(self);
    Map<String, List<ServiceInfo>> usable = new HashMap<>();
    if (answer != null) {
      answer.forEach((service, instances) -> usable.put(service, usable(service, instances)));
    }
    return usable;
  }

  /** Only well-formed instances of the named service enter the table; a broken entry is logged, not fatal. */
  static List<ServiceInfo> usable(String service, List<ServiceInfo> instances) {
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
    ClientSettings settings = config.settings();
    RegistryClient client =
        clients.buildForShutdown(settings.registryUrl(), RegistryClient.class, settings.deregisterTimeout());
    try {
      client.deregister(self);
    } finally {
      RestClients.close(client);
    }
  }

  synchronized void close() {
    if (registrationClient != null) {
      RestClients.close(registrationClient);
      registrationClient = null;
    }
  }

  private synchronized RegistryClient registrationClient() {
    if (registrationClient == null) {
      ClientSettings settings = config.settings();
      registrationClient = clients.build(
          settings.registryUrl(), RegistryClient.class, settings.connectTimeout(), settings.readTimeout());
    }
    return registrationClient;
  }

  /** A one-line reason for a failed call: the HTTP status, or the innermost transport error. */
  static String describe(RuntimeException e) {
    if (e instanceof WebApplicationException wae && wae.getResponse() != null) {
      return "HTTP " + wae.getResponse().getStatus();
    }
    return Failures.describe(e);
  }
}
