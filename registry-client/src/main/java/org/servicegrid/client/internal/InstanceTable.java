package org.servicegrid.client.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.servicegrid.protocol.ServiceInfo;

/**
 * This instance's view of the live instances of the services it requires, fed by the registry's
 * answer to a registration and by its add/remove notifications.
 *
 * <p>Concurrency: a {@link ConcurrentHashMap} from service name to an immutable list. Readers
 * (every outbound call picks from it) take the current list without locking. Writers
 * (notifications, a few per minute) serialize on one monitor, which never covers I/O, because of a
 * race in the protocol: the registry may push a change while this instance's registration answer is
 * still in transit, and that answer may predate the change. So while a registration is in flight
 * ({@link #trackChanges}) every change is also journaled and replayed, in order, over the answer
 * ({@link #replace}); replaying a change the answer already reflects is harmless (add replaces,
 * remove of an absent instance does nothing).
 */
@ApplicationScoped
public class InstanceTable {

  private record Change(boolean added, ServiceInfo instance) {}

  private final ConcurrentMap<String, List<ServiceInfo>> byService = new ConcurrentHashMap<>();
  private final Object writeLock = new Object();
  private List<Change> journal; // guarded by writeLock; non-null while a registration is in flight

  /** The known instances of a service in the order they were learned; empty when none. */
  public List<ServiceInfo> instances(String service) {
    return byService.getOrDefault(service, List.of());
  }

  /** A registration is about to be sent: remember the changes until its answer is applied. */
  void trackChanges() {
    synchronized (writeLock) {
      journal = new ArrayList<>();
    }
  }

  /** The registration failed: there is no answer to reconcile the changes with. */
  void stopTrackingChanges() {
    synchronized (writeLock) {
      journal = null;
    }
  }

  /**
   * Applies a registration answer: each service it lists gets exactly the listed instances
   * (services not in it keep theirs), then the changes notified while the registration was in
   * flight are replayed.
   */
  void replace(Map<String, List<ServiceInfo>> answer) {
    synchronized (writeLock) {
      answer.forEach((service, instances) -> byService.put(service, List.copyOf(instances)));
      if (journal != null) {
        journal.forEach(change -> apply(change.added(), change.instance()));
        journal = null;
      }
    }
  }

  /**
   * Takes the given instances for each service the table does not know yet, and leaves the others
   * alone: what the table knows came from a registration answer or a notification, which are never
   * older than a listing read before subscribing. Not journaled, for the same reason: a
   * registration answer in flight wins.
   */
  void prime(Map<String, List<ServiceInfo>> listed) {
    synchronized (writeLock) {
      listed.forEach(
          (service, instances) -> byService.putIfAbsent(service, List.copyOf(instances)));
    }
  }

  /**
   * Adds an instance, or replaces the one with the same name and address in place; true if it was
   * new.
   */
  boolean add(ServiceInfo instance) {
    return record(true, instance);
  }

  /** Removes the instance with the same name and address; true if it was known. */
  boolean remove(ServiceInfo instance) {
    return record(false, instance);
  }

  /** True while any known instance of any service is served at this address. */
  boolean knowsAddress(String addr) {
    return byService.values().stream().flatMap(List::stream).anyMatch(i -> i.addr().equals(addr));
  }

  private boolean record(boolean added, ServiceInfo instance) {
    synchronized (writeLock) {
      if (journal != null) {
        journal.add(new Change(added, instance));
      }
      return apply(added, instance);
    }
  }

  /** One change, as a new immutable list for its service; callers hold writeLock. */
  private boolean apply(boolean added, ServiceInfo instance) {
    List<ServiceInfo> next = new ArrayList<>(instances(instance.name()));
    int index = indexOf(next, instance);
    boolean changedMembership = added ? index < 0 : index >= 0;
    if (added && index >= 0) {
      next.set(index, instance);
    } else if (added) {
      next.add(instance);
    } else if (index >= 0) {
      next.remove(index);
    }
    byService.put(instance.name(), List.copyOf(next));
    return changedMembership;
  }

  private static int indexOf(List<ServiceInfo> instances, ServiceInfo instance) {
    for (int i = 0; i < instances.size(); i++) {
      if (instances.get(i).id().equals(instance.id())) {
        return i;
      }
    }
    return -1;
  }
}
