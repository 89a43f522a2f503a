package org.servicegrid.gateway.catalog;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.servicegrid.client.ServiceDirectory;
import org.servicegrid.client.ServiceRegistration;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.protocol.ServiceInfoValidator;

/**
 * The services the gateway routes to: every name the registry knows, learned from {@code GET
 * /services}. Newly learned names are added to this instance's RequiredServices, so the registry
 * answers and pushes their instances into the registry-client library's table, which is what
 * requests pick from.
 *
 * <p>Concurrency: the names are an immutable {@link CatalogSnapshot} in a volatile field, so the
 * request hot path reads them without locking or calling the registry. Refreshes (periodic, and on
 * a miss at most {@code gateway.catalog.miss-refresh-rate} a second) are single-flight: a caller
 * that finds one under way waits for its result instead of starting another, and no lock is held
 * during the registry call.
 */
@ApplicationScoped
public class ServiceCatalog {

  private static final Logger LOG = Logger.getLogger(ServiceCatalog.class.getName());

  /** The answer to "can this name be routed?". */
  public enum Lookup {
    ROUTABLE,
    UNKNOWN,
    REGISTRY_UNREACHABLE
  }

  @Inject ServiceDirectory registry;
  @Inject ServiceRegistration registration;
  @Inject CatalogSettings settings;

  private final AtomicReference<CompletableFuture<CatalogSnapshot>> inFlight =
      new AtomicReference<>();
  private final Set<String> required = ConcurrentHashMap.newKeySet();
  private volatile CatalogSnapshot snapshot = CatalogSnapshot.NOT_LOADED;
  private TokenBucket missRefreshes;

  @PostConstruct
  void init() {
    missRefreshes = new TokenBucket(settings.missRefreshRate(), System::nanoTime);
  }

  /**
   * Whether {@code service} is routable; a name not known yet triggers a (rate-limited) refresh
   * first.
   */
  public Lookup lookup(String service) {
    CatalogSnapshot current = snapshot;
    if (current.contains(service)) {
      return Lookup
          .ROUTABLE; // the hot path: a known name is valid, no need to match it against the pattern
    }
    if (!ServiceInfoValidator.isValidName(service)) {
      return Lookup.UNKNOWN; // the registry rejects such names, so no refresh could find one
    }
    if (missRefreshes.tryAcquire()) {
      current = refresh();
    }
    if (current.contains(service)) {
      return Lookup.ROUTABLE;
    }
    return current.reachable() ? Lookup.UNKNOWN : Lookup.REGISTRY_UNREACHABLE;
  }

  public CatalogSnapshot snapshot() {
    return snapshot;
  }

  /**
   * Loads the names from the registry now, or waits for the load already under way; never throws.
   */
  public CatalogSnapshot refresh() {
    CompletableFuture<CatalogSnapshot> mine = new CompletableFuture<>();
    CompletableFuture<CatalogSnapshot> running = inFlight.compareAndExchange(null, mine);
    if (running != null) {
      return running.join(); // bounded by the registry client's connect and read timeouts
    }
    try {
      snapshot = load(snapshot); // single-flight: no other thread writes snapshot meanwhile
      return snapshot;
    } finally {
      mine.complete(snapshot); // also when load failed unexpectedly: waiters must never hang
      inFlight.set(null);
    }
  }

  private CatalogSnapshot load(CatalogSnapshot previous) {
    Map<String, List<ServiceInfo>> services;
    try {
      services = registry.services();
    } catch (RuntimeException e) {
      // WARNING once when the registry goes away (or is away at start), FINE while it stays away.
      boolean change = previous.reachable() || previous == CatalogSnapshot.NOT_LOADED;
      LOG.log(
          change ? Level.WARNING : Level.FINE,
          "Registry {0} did not list its services ({1}); routing continues to the {2} known",
          new Object[] {registry.registryUrl(), e.toString(), previous.names().size()});
      return previous.unreachable(
          "registry " + registry.registryUrl() + " unreachable: " + e.getMessage());
    }
    if (!previous.reachable() && previous.everLoaded()) {
      LOG.log(Level.INFO, "Registry {0} answers again", registry.registryUrl());
    }
    Set<String> names = routable(services.keySet());
    requireNew(names, services);
    return CatalogSnapshot.loaded(names, Instant.now());
  }

  /** The names minus the gateway itself and names whose first segment the gateway serves itself. */
  private Set<String> routable(Set<String> names) {
    String selfName = registration.self().name();
    return names.stream()
        .filter(name -> !name.equals(selfName) && !Route.RESERVED.contains(name))
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Subscribes to names not required yet, handing the library this answer's instances of them:
   * re-registration runs in the background, and with them the first request for a service that has
   * just appeared is routed instead of answered 503.
   */
  private void requireNew(Set<String> names, Map<String, List<ServiceInfo>> services) {
    Map<String, List<ServiceInfo>> fresh = new HashMap<>();
    names.stream()
        .filter(name -> !required.contains(name))
        .forEach(name -> fresh.put(name, services.get(name)));
    if (fresh.isEmpty()) {
      return;
    }
    try {
      registration.requireServices(fresh);
      required.addAll(fresh.keySet());
      LOG.log(Level.INFO, "Routing to newly registered services {0}", fresh.keySet());
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Could not subscribe to services {0} yet, retrying at the next refresh: {1}",
          new Object[] {fresh.keySet(), e.toString()});
    }
  }
}
