package org.servicegrid.registry.table;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.servicegrid.protocol.ServiceInfo;

/**
 * A real service table outside the container, for the tests of other packages; it records
 * evictions.
 */
public final class UnmanagedTable {

  private final List<ServiceInfo> evicted = new CopyOnWriteArrayList<>();
  private final ServiceTable table;

  public UnmanagedTable(Clock clock) {
    ChangeSink noDependents =
        new ChangeSink() {
          @Override
          public Runnable enqueue(Change change, Collection<String> dependentAddresses) {
            return () -> {};
          }

          @Override
          public void forget(String address) {}
        };
    table = TestCluster.table(noDependents, this::observe, clock, 100);
  }

  public ServiceTable table() {
    return table;
  }

  /** Registers {@code name} at {@code addr} and returns the table's registration of it. */
  public Registration register(String name, String addr) {
    ServiceInfo info = ServiceInfo.of(name, addr);
    table.register(info);
    return table.registrations().stream()
        .filter(r -> r.info().equals(info) && r.isCurrent())
        .findFirst()
        .orElseThrow();
  }

  /** The instances evicted so far, in order. */
  public List<ServiceInfo> evicted() {
    return List.copyOf(evicted);
  }

  private void observe(Object event) {
    if (event instanceof Change change && change.kind() == Change.Kind.EVICTED) {
      evicted.add(change.instance());
    }
  }
}
