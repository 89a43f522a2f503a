package org.servicegrid.registry.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.servicegrid.protocol.InstanceId;
import org.servicegrid.protocol.ServiceInfo;

/**
 * What the table may hold: at most {@code maxInstancesPerService} instances of one name (429
 * beyond) and at most {@code maxServices} names in use, i.e. with an instance or required by one
 * (507 beyond). A registration of an instance already in the table is never refused. Registrations
 * this node admitted and is still writing count as held, so concurrent writes through one node
 * never pass a limit together; writes through other nodes are seen once they reach this node's copy
 * of the table, so registry nodes admitting at the same instant can pass a limit by what the others
 * admitted in that window (milliseconds).
 *
 * <p>{@link #admit} runs under the table's read lock, so the {@link Directory} does not change
 * during it; the admitted-but-unapplied registrations are guarded by this object's monitor.
 */
final class TableLimits {

  private final int maxInstancesPerService;
  private final int maxServices;

  /**
   * Admitted and not yet released, one entry per admission (the same instance may be written twice
   * at once).
   */
  private final List<ServiceInfo> admitted = new ArrayList<>();

  TableLimits(int maxInstancesPerService, int maxServices) {
    this.maxInstancesPerService = maxInstancesPerService;
    this.maxServices = maxServices;
  }

  /**
   * Admits {@code info} into {@code directory} or throws {@link LimitExceededException}; the caller
   * must {@link #release} an admission once its write is applied or failed.
   */
  synchronized void admit(Directory directory, ServiceInfo info) {
    if (directory.get(info.id()) == null) {
      List<ServiceInfo> pending =
          admitted.stream().filter(p -> directory.get(p.id()) == null).toList();
      checkInstances(directory, info, pending);
      checkServices(directory, info, pending);
    }
    admitted.add(info);
  }

  synchronized void release(ServiceInfo info) {
    admitted.remove(info);
  }

  private void checkInstances(Directory directory, ServiceInfo info, List<ServiceInfo> pending) {
    Set<InstanceId> others = new HashSet<>();
    pending.stream()
        .map(ServiceInfo::id)
        .filter(id -> id.name().equals(info.name()) && !id.equals(info.id()))
        .forEach(others::add);
    int held = directory.instanceCount(info.name()) + others.size();
    if (held >= maxInstancesPerService) {
      throw LimitExceededException.instances(
          "service '"
              + info.name()
              + "' already has "
              + held
              + " instances, the most registry.limits.max-instances-per-service allows: deregister"
              + " one first");
    }
  }

  private void checkServices(Directory directory, ServiceInfo info, List<ServiceInfo> pending) {
    Set<String> added = newNames(directory, info);
    if (added.isEmpty()) {
      return;
    }
    Set<String> pendingNames = new HashSet<>();
    pending.stream()
        .filter(p -> !p.id().equals(info.id()))
        .forEach(p -> pendingNames.addAll(newNames(directory, p)));
    added.removeAll(pendingNames);
    int held = directory.namesInUse() + pendingNames.size();
    if (held + added.size() > maxServices) {
      throw LimitExceededException.services(
          "the registry already holds "
              + held
              + " services, and "
              + "registry.limits.max-services allows "
              + maxServices
              + ": registering '"
              + info.name()
              + "' would add "
              + added);
    }
  }

  /**
   * The names {@code info} would put in use: its own and its required ones, unless in use already.
   */
  private static Set<String> newNames(Directory directory, ServiceInfo info) {
    Set<String> names = new LinkedHashSet<>();
    names.add(info.name());
    names.addAll(info.requiredServices());
    names.removeIf(directory::inUse);
    return names;
  }
}
