package org.servicegrid.client.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicegrid.protocol.ServiceInfo;

/**
 * Chooses one instance among a service's known instances by {@code registry.client.selection},
 * skipping the ones a caller reported failed within {@code registry.client.failure-cooldown}.
 * Round-robin keeps one lock-free counter per service, so concurrent callers spread evenly without
 * contending on a lock; the counter is taken modulo the current number of usable instances, so a
 * changing table never makes it fail.
 */
@ApplicationScoped
public class InstanceSelector {

  private static final Logger LOG = Logger.getLogger(InstanceSelector.class.getName());

  @Inject ClientConfig config;

  private final ConcurrentMap<String, AtomicInteger> nextIndex = new ConcurrentHashMap<>();
  private SelectionPolicy policy;
  private FailureMarks failures;

  /** For CDI: the policy and cool-down come from {@link ClientConfig} once injected. */
  InstanceSelector() {}

  InstanceSelector(SelectionPolicy policy, FailureMarks failures) {
    this.policy = policy;
    this.failures = failures;
  }

  @PostConstruct
  void init() {
    policy = config.selection().policy();
    failures = new FailureMarks(config.selection().failureCooldown(), System::nanoTime);
  }

  public Optional<ServiceInfo> pick(String service, List<ServiceInfo> known) {
    // Every forwarded request picks: with no instance cooling down (the usual case) the list is
    // used as it is.
    List<ServiceInfo> usable =
        failures.none()
            ? known
            : known.stream().filter(i -> !failures.isCoolingDown(i.id())).toList();
    if (usable.isEmpty()) {
      return Optional.empty();
    }
    int index =
        switch (policy) {
          case RANDOM -> ThreadLocalRandom.current().nextInt(usable.size());
          case ROUND_ROBIN ->
              Math.floorMod(
                  nextIndex.computeIfAbsent(service, s -> new AtomicInteger()).getAndIncrement(),
                  usable.size());
        };
    return Optional.of(usable.get(index));
  }

  /**
   * Like {@link #pick}, but an instance not in {@code tried} whenever one is usable: a retry then
   * goes to another instance even when the first failure did not mark the one tried (a connection
   * reset), and even when other callers moved the round-robin cursor on in between. Only when none
   * other is usable one of {@code tried} again.
   */
  public Optional<ServiceInfo> pickOther(
      String service, List<ServiceInfo> known, Collection<ServiceInfo> tried) {
    if (tried.isEmpty()) {
      return pick(service, known);
    }
    Optional<ServiceInfo> other =
        pick(service, known.stream().filter(i -> !tried.contains(i)).toList());
    return other.isPresent() ? other : pick(service, known);
  }

  /**
   * Skips the instance for the cool-down; under load many callers report one dead instance, the
   * first is news.
   */
  public void reportFailure(ServiceInfo instance) {
    boolean fresh = failures.markFailed(instance.id());
    LOG.log(
        fresh ? Level.INFO : Level.FINE,
        "Instance {0} reported failed; skipping it for {1} ms",
        new Object[] {instance.id(), failures.cooldown().toMillis()});
  }

  /**
   * The registry announced the instance (again): whatever a caller saw before, it is usable now.
   */
  void forgetFailure(ServiceInfo instance) {
    failures.clear(instance.id());
  }
}
