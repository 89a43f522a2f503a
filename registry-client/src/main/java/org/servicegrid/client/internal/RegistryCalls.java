package org.servicegrid.client.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicegrid.protocol.Failures;
import org.servicegrid.protocol.InvalidRequestException;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.protocol.ServiceInfoValidator;

/**
 * The calls this instance makes to the registry, through {@link RegistryClient}. Registration and
 * listing use one cached client per registry with the configured timeouts; deregistration builds
 * its own clients with the short {@code registry.client.deregister-timeout}, because it runs while
 * the application is stopping and must not hold the shutdown up when the registry is away.
 *
 * <p>With several registries ({@code registry.url} is a list) a call that cannot reach one, or that
 * it answers with a 5xx, goes to the next; the one that answered is tried first next time. A 4xx is
 * the request's fault and would be the same everywhere, so it is not tried elsewhere.
 */
@ApplicationScoped
public class RegistryCalls {

  private static final Logger LOG = Logger.getLogger(RegistryCalls.class.getName());

  @Inject ClientConfig config;
  @Inject RestClients restClients;

  private final Map<URI, RegistryClient> clients =
      new HashMap<>(); // guarded by this; building does no I/O
  private volatile int preferred; // index of the registry that answered last

  /**
   * Registers and answers the registry's view of each required service, without invalid entries.
   */
  Map<String, List<ServiceInfo>> register(ServiceInfo self) {
    return usable(withFailover(registry -> client(registry).register(self)));
  }

  /** Every service the registry knows ({@code GET /services}), without invalid entries. */
  public Map<String, List<ServiceInfo>> services() {
    return usable(withFailover(registry -> client(registry).all()));
  }

  /**
   * Only valid names, each with only well-formed instances of itself that are in service (listings
   * for people show the others too); a broken entry is logged, not fatal.
   */
  static Map<String, List<ServiceInfo>> usable(Map<String, List<ServiceInfo>> answer) {
    Map<String, List<ServiceInfo>> usable = new HashMap<>();
    if (answer != null) {
      answer.forEach(
          (service, instances) -> {
            if (ServiceInfoValidator.isValidName(service)) {
              usable.put(service, usable(service, instances));
            } else {
              LOG.log(
                  Level.WARNING,
                  "Ignoring invalid service name {0} in the registry''s answer",
                  service);
            }
          });
    }
    return usable;
  }

  private static List<ServiceInfo> usable(String service, List<ServiceInfo> instances) {
    if (instances == null) {
      return List.of();
    }
    return instances.stream()
        .filter(Objects::nonNull)
        .filter(ServiceInfo::inService)
        .filter(
            instance -> {
              try {
                ServiceInfoValidator.validate(instance);
                if (instance.name().equals(service)) {
                  return true;
                }
              } catch (InvalidRequestException e) {
                // reported below
              }
              LOG.log(
                  Level.WARNING,
                  "Ignoring invalid instance {0} of {1} in the registry''s answer",
                  new Object[] {instance, service});
              return false;
            })
        .toList();
  }

  void deregister(ServiceInfo self) {
    withFailover(
        registry -> {
          RegistryClient shutdownClient =
              restClients.buildForShutdown(
                  registry, RegistryClient.class, config.calls().deregisterTimeout());
          try {
            shutdownClient.deregister(self);
            return null;
          } finally {
            RestClients.close(shutdownClient);
          }
        });
  }

  synchronized void close() {
    clients.values().forEach(RestClients::close);
    clients.clear();
  }

  /**
   * Makes {@code call} against each registry in turn, from the preferred one, until one answers.
   */
  private <T> T withFailover(Function<URI, T> call) {
    List<URI> registries = config.registryUrls();
    RuntimeException failure = null;
    for (int i = 0; i < registries.size(); i++) {
      int index = (preferred + i) % registries.size();
      try {
        T answer = call.apply(registries.get(index));
        preferred = index;
        return answer;
      } catch (WebApplicationException e) {
        if (e.getResponse() != null && e.getResponse().getStatus() < 500) {
          throw e;
        }
        failure = e;
      } catch (ProcessingException e) {
        failure = e;
      }
      if (registries.size() > 1) {
        LOG.log(
            Level.FINE,
            "Registry {0} failed ({1}), trying the next",
            new Object[] {registries.get(index), describe(failure)});
      }
    }
    throw failure;
  }

  private synchronized RegistryClient client(URI registry) {
    return clients.computeIfAbsent(
        registry, url -> restClients.buildForRegistry(url, RegistryClient.class));
  }

  /** A one-line reason for a failed call: the HTTP status, or the innermost transport error. */
  static String describe(RuntimeException e) {
    if (e instanceof WebApplicationException wae && wae.getResponse() != null) {
      return "HTTP " + wae.getResponse().getStatus();
    }
    return Failures.describe(e);
  }
}
