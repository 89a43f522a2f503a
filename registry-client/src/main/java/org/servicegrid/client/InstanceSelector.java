package org.servicegrid.client;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.servicegrid.protocol.ServiceInfo;

/**
 * Chooses one instance among a service's known instances by the configured policy, skipping the ones in
 * their failure cool-down. Round-robin keeps one lock-free counter per service, so concurrent callers
 * spread evenly without contending on a lock; the counter is taken modulo the current number of usable
 * instances, so a changing table never makes it fail.
 */
final class InstanceSelector {

  private final SelectionPolicy policy;
  private final FailureMarks failures;
  private final ConcurrentMap<String, AtomicInteger> nextIndex = new ConcurrentHashMap<>();

  InstanceSelector(SelectionPolicy policy, FailureMarks failures) {
    this.policy = policy;
    this.failures = failures;
  }

  Optional<ServiceInfo> pick(String service, List<ServiceInfo> known) {
    // Every forwarded request picks: with no instance cooling down (the usual case) the list is used as it is.
    List<ServiceInfo> usable = failures.none()
        ? known
        : known.stream().filter(i -> !failures.isCoolingDown(i.id())).toList();
    if (usable.isEmpty()) {
      return Optional.empty();
    }
    int index = switch (policy) {
      case RANDOM -> ThreadLocalRandom.current().nextInt(usable.size());
      case ROUND_ROBIN -> Math.floorMod(
          nextIndex.computeIfAbsent(service, s -> new AtomicInteger()).getAndIncrement(), usable.size());
    };
    return Optional.of(usable.get(index));
  }
}
