package org.servicegrid.gateway.guard;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;

/**
 * Caps the requests one service may have in flight through the gateway at once ({@code
 * gateway.max-concurrent-per-service}), so a service that hangs or crawls holds at most that many
 * container threads and pooled connections, and the others keep theirs. A request beyond the cap is
 * refused at once (503 with {@code Retry-After}) rather than queued: waiting would hold a thread
 * all the same.
 *
 * <p>One non-fair {@link Semaphore} per service name in a concurrent map: the hot path is a map
 * lookup and a compare-and-set, no lock and no allocation; an MP Fault Tolerance {@code @Bulkhead}
 * would put an interceptor on every request and cannot be keyed by service. Names are only those
 * the catalogue routes, so the map is bounded by the registry's services.
 */
@ApplicationScoped
public class ServiceBulkhead {

  @Inject LimitSettings limits;

  private final ConcurrentMap<String, Semaphore> slots = new ConcurrentHashMap<>();
  private int limit;

  @PostConstruct
  void init() {
    limit = limits.maxConcurrentPerService();
  }

  /**
   * Takes one of the service's slots if one is free; the caller gives it back with {@link #leave}
   * once the exchange (response body included) is over, whatever its end.
   */
  public boolean tryEnter(String service) {
    return slotsOf(service).tryAcquire();
  }

  public void leave(String service) {
    slotsOf(service).release();
  }

  public int limit() {
    return limit;
  }

  private Semaphore slotsOf(String service) {
    Semaphore semaphore =
        slots.get(service); // get first: computeIfAbsent may lock the bin even when present
    return semaphore != null
        ? semaphore
        : slots.computeIfAbsent(service, name -> new Semaphore(limit));
  }
}
