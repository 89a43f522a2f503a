package org.servicegrid.client.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicegrid.protocol.ServiceInfo;

/**
 * Chooses one instance among a service's known instances by {@code registry.client.selection},
 * weighing each by its Meta weight (smooth weighted round-robin, or weighted random), preferring
 * the caller's own Meta zone while an instance in it is usable, and only among the instances of a
 * version asked for (or all but those) when one is; instances a caller reported failed are skipped
 * within {@code registry.client.failure-cooldown}.
 *
 * <p>Every forwarded request picks, so the usual pick (no instance cooling down, nothing tried yet)
 * reads a {@link ServiceView} derived once per table list: a few map reads, one atomic increment,
 * no lock and no allocation. Only while an instance cools down, or for a retry, are the candidates
 * filtered per pick.
 */
@ApplicationScoped
public class InstanceSelector {

  private static final Logger LOG = Logger.getLogger(InstanceSelector.class.getName());

  @Inject ClientConfig config;

  private final ConcurrentMap<String, ServiceView> views = new ConcurrentHashMap<>();
  private SelectionPolicy policy;
  private FailureMarks failures;
  private String zone; // this instance's own Meta zone; null: no preference

  /** For CDI: the policy, cool-down and zone come from {@link ClientConfig} once injected. */
  InstanceSelector() {}

  InstanceSelector(SelectionPolicy policy, FailureMarks failures, String zone) {
    this.policy = policy;
    this.failures = failures;
    this.zone = zone;
  }

  @PostConstruct
  void init() {
    policy = config.selection().policy();
    failures = new FailureMarks(config.selection().failureCooldown(), System::nanoTime);
    zone = config.self().zone().orElse(null);
  }

  public Optional<ServiceInfo> pick(String service, List<ServiceInfo> known) {
    return pick(service, known, null, false);
  }

  /**
   * One of the usable instances whose Meta version is {@code version} ({@code matching}) or is not
   * ({@code !matching}); every instance when {@code version} is null; empty when none is usable.
   */
  public Optional<ServiceInfo> pick(
      String service, List<ServiceInfo> known, String version, boolean matching) {
    return choose(service, known, version, matching, List.of());
  }

  /**
   * Like {@link #pick}, but an instance not in {@code tried} whenever one is usable: a retry then
   * goes to another instance even when the first failure did not mark the one tried (a connection
   * reset), and even when other callers moved the round-robin cursor on in between. Only when none
   * other is usable one of {@code tried} again.
   */
  public Optional<ServiceInfo> pickOther(
      String service,
      List<ServiceInfo> known,
      String version,
      boolean matching,
      Collection<ServiceInfo> tried) {
    Optional<ServiceInfo> other = choose(service, known, version, matching, tried);
    return other.isPresent() || tried.isEmpty() ? other : pick(service, known, version, matching);
  }

  private Optional<ServiceInfo> choose(
      String service,
      List<ServiceInfo> known,
      String version,
      boolean matching,
      Collection<ServiceInfo> tried) {
    ServiceView.Group group = view(service, known).group(version, matching);
    WeightedChoice choice =
        tried.isEmpty() && failures.none() ? group.preferred() : narrowed(group, tried);
    if (choice.isEmpty()) {
      return Optional.empty();
    }
    return policy == SelectionPolicy.RANDOM ? choice.random() : choice.at(group.next());
  }

  /** The group's choice without the instances tried or cooling down (built per pick). */
  private WeightedChoice narrowed(ServiceView.Group group, Collection<ServiceInfo> tried) {
    return group.narrowed(i -> !tried.contains(i) && !failures.isCoolingDown(i.id()));
  }

  /** The view of this very list; a racing caller may replace it, which only restarts a cursor. */
  private ServiceView view(String service, List<ServiceInfo> known) {
    ServiceView view = views.get(service);
    if (view == null || !view.isOf(known)) {
      view = new ServiceView(known, zone);
      views.put(service, view);
    }
    return view;
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
