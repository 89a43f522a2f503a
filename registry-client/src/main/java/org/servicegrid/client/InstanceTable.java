package org.servicegrid.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.servicegrid.protocol.ServiceInfo;

/**
 * This instance's view of the live instances of the services it requires, fed by the registry's answer to a
 * registration and by its add/remove notifications.
 *
 * <p>Concurrency: a {@link ConcurrentHashMap} from service name to an immutable list. Readers (every
 * outbound call picks from it) take the current list without locking; writers replace a service's list
 * atomically with {@code compute}, so readers never see a half-applied change and writes to different
 * services do not contend. Lists are small, so copying on write is cheap.
 */
@ApplicationScoped
public class InstanceTable {

  private final ConcurrentMap<String, List<ServiceInfo>> byService = new ConcurrentHashMap<>();

  /** The known instances of a service in the order they were learned; empty when none. */
  public List<ServiceInfo> instances(String service) {
    return byService.getOrDefault(service, List.of());
  }

  /** An immutable copy of the whole table. */
  public Map<String, List<ServiceInfo>> snapshot() {
    return Map.copyOf(byService);
  }

  /**
   * Replaces the view of each service present in a registry answer; services not in the answer keep theirs.
   * The registry's answer is authoritative for what it lists, including an empty list.
   */
  public void replace(Map<String, List<ServiceInfo>> answer) {
    answer.forEach((service, instances) -> byService.put(service, List.copyOf(instances)));
  }

  /** Adds an instance, or replaces the one with the same name and address in place; true if it was new. */
  public boolean add(ServiceInfo instance) {
    boolean[] added = {true};
    byService.compute(instance.name(), (service, current) -> {
      List<ServiceInfo> next = new ArrayList<>(current == null ? List.of() : current);
      for (int i = 0; i < next.size(); i++) {
        if (next.get(i).id().equals(instance.id())) {
          next.set(i, instance);
          added[0] = false;
          return List.copyOf(next);
        }
      }
      next.add(instance);
      return List.copyOf(next);
    });
    return added[0];
  }

  /** Removes the instance with the same name and address; true if it was known. */
  public boolean remove(ServiceInfo instance) {
    boolean[] removed = {false};
    byService.computeIfPresent(instance.name(), (service, current) -> {
      List<ServiceInfo> next = new ArrayList<>(current);
      removed[0] = next.removeIf(known -> known.id().equals(instance.id()));
      return List.copyOf(next);
    });
    return removed[0];
  }

  /** True while any known instance of any service is served at this address. */
  public boolean knowsAddress(String addr) {
    return byService.values().stream().flatMap(List::stream).anyMatch(i -> i.addr().equals(addr));
  }
}
