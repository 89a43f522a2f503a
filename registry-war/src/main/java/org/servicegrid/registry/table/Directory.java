package org.servicegrid.registry.table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.servicegrid.protocol.InstanceId;
import org.servicegrid.protocol.ServiceInfo;

/**
 * The table's data, without any locking: {@link ServiceTable} guards every call with its lock. Kept
 * apart so that the bookkeeping (replace, dependents index, known names) is tested without a
 * container.
 *
 * <p>Besides the instances per name it keeps an index from a required name to its dependents, so
 * that a change costs O(dependents) rather than a scan of every instance. Names stay known without
 * instances (the gateway tells "unknown" from "no live instance" by it); the ones nobody registers
 * or requires any more are "idle", and only the most recent {@code maxIdleNames} of those are kept,
 * so random names cannot grow the table without bound.
 */
final class Directory {

  private final Map<String, Map<String, Registration>> instances = new HashMap<>();
  private final Map<String, Set<InstanceId>> dependents = new HashMap<>();
  private final Map<String, AddressEntry> addresses = new HashMap<>();
  private final List<Set<AddressEntry>> addressesByPartition = new ArrayList<>();
  private final Set<String> idleNames = new LinkedHashSet<>();
  private final int maxIdleNames;

  Directory(int maxIdleNames) {
    this.maxIdleNames = maxIdleNames;
  }

  /** Adds or replaces the registration of its Name+Addr; returns the one it replaced, or null. */
  Registration put(Registration registration) {
    ServiceInfo info = registration.info();
    Registration previous =
        instances
            .computeIfAbsent(info.name(), n -> new LinkedHashMap<>())
            .put(info.addr(), registration);
    registration.enter();
    AddressEntry address =
        addresses.computeIfAbsent(info.addr(), a -> newAddress(a, registration.addressPartition()));
    address.replace(previous, registration);
    if (previous != null) {
      previous.leave();
      unindex(previous);
    }
    idleNames.remove(info.name());
    for (String required : info.requiredServices()) {
      dependents.computeIfAbsent(required, n -> new LinkedHashSet<>()).add(info.id());
      instances.computeIfAbsent(required, n -> new LinkedHashMap<>());
      idleNames.remove(required);
    }
    return previous;
  }

  /** Removes the current registration of {@code id}; returns it, or null when there was none. */
  Registration remove(InstanceId id) {
    Map<String, Registration> byAddress = instances.get(id.name());
    Registration removed = byAddress == null ? null : byAddress.remove(id.addr());
    if (removed != null) {
      removed.leave();
      AddressEntry address = addresses.get(id.addr());
      if (address.replace(removed, null)) {
        addresses.remove(id.addr());
        addressesByPartition.get(address.partition).remove(address);
      }
      unindex(removed);
      markIdleIfUnused(id.name());
    }
    return removed;
  }

  /** The current registration of {@code id}, or null. */
  Registration get(InstanceId id) {
    return instances.getOrDefault(id.name(), Map.of()).get(id.addr());
  }

  /** True for names the table knows, with or without instances. */
  boolean knows(String name) {
    return instances.containsKey(name);
  }

  /** True for names with an instance or a dependent (known names that are not idle). */
  boolean inUse(String name) {
    return instances.containsKey(name) && !idleNames.contains(name);
  }

  /** How many names have an instance or a dependent. */
  int namesInUse() {
    return instances.size() - idleNames.size();
  }

  boolean servesAt(String address) {
    return addresses.containsKey(address);
  }

  /**
   * The addresses in the partitions that {@code owned} marks (indexed by partition id), each with
   * its registrations: by partition, then in the order the addresses came, which stays the same
   * from round to round.
   */
  List<AddressRegistrations> addressesIn(boolean[] owned) {
    List<AddressRegistrations> answer = new ArrayList<>();
    for (int partition = 0;
        partition < Math.min(owned.length, addressesByPartition.size());
        partition++) {
      if (owned[partition]) {
        for (AddressEntry address : addressesByPartition.get(partition)) {
          answer.add(new AddressRegistrations(address.address, address.registrations));
        }
      }
    }
    return answer;
  }

  /** The distinct addresses of the instances that require {@code name}. */
  Set<String> dependentAddresses(String name) {
    Set<InstanceId> ids = dependents.getOrDefault(name, Set.of());
    Set<String> addresses = new LinkedHashSet<>(ids.size() * 2);
    ids.forEach(id -> addresses.add(id.addr()));
    return addresses;
  }

  List<ServiceInfo> instancesOf(String name) {
    Map<String, Registration> byAddress = instances.getOrDefault(name, Map.of());
    List<ServiceInfo> infos = new ArrayList<>(byAddress.size());
    byAddress.values().forEach(r -> infos.add(r.info()));
    return infos;
  }

  /** Each of {@code names} with its instances, in the given order. */
  Map<String, List<ServiceInfo>> instancesOf(Collection<String> names) {
    Map<String, List<ServiceInfo>> answer = new LinkedHashMap<>();
    names.forEach(name -> answer.put(name, instancesOf(name)));
    return answer;
  }

  /**
   * Each of {@code names} with its instances in service, in the given order: the registration
   * answer, from which dependents choose.
   */
  Map<String, List<ServiceInfo>> instancesInServiceOf(Collection<String> names) {
    Map<String, List<ServiceInfo>> answer = new LinkedHashMap<>();
    for (String name : names) {
      List<ServiceInfo> infos = instancesOf(name);
      infos.removeIf(info -> !info.inService());
      answer.put(name, infos);
    }
    return answer;
  }

  /** Every known name, sorted, with its instances ({@code []} when it has none). */
  Map<String, List<ServiceInfo>> all() {
    Map<String, List<ServiceInfo>> answer = new TreeMap<>();
    instances.keySet().forEach(name -> answer.put(name, instancesOf(name)));
    return answer;
  }

  List<Registration> registrations() {
    List<Registration> all = new ArrayList<>();
    instances.values().forEach(byAddress -> all.addAll(byAddress.values()));
    return all;
  }

  int instanceCount(String name) {
    return instances.getOrDefault(name, Map.of()).size();
  }

  /** Forgets the oldest idle names beyond the limit and returns them. */
  List<String> trimIdleNames() {
    List<String> forgotten = new ArrayList<>();
    for (Iterator<String> oldest = idleNames.iterator(); idleNames.size() > maxIdleNames; ) {
      String name = oldest.next();
      oldest.remove();
      instances.remove(name);
      forgotten.add(name);
    }
    return forgotten;
  }

  private void unindex(Registration registration) {
    InstanceId id = registration.info().id();
    for (String required : registration.info().requiredServices()) {
      Set<InstanceId> ids = dependents.get(required);
      if (ids != null && ids.remove(id) && ids.isEmpty()) {
        dependents.remove(required);
        markIdleIfUnused(required);
      }
    }
  }

  private AddressEntry newAddress(String address, int partition) {
    while (addressesByPartition.size() <= partition) {
      addressesByPartition.add(new LinkedHashSet<>());
    }
    AddressEntry entry = new AddressEntry(address, partition);
    addressesByPartition.get(partition).add(entry);
    return entry;
  }

  /**
   * One address with its current registrations, as an immutable list replaced on each change: a
   * round hands it out without copying, and an address holds a few registrations at most.
   */
  private static final class AddressEntry {
    final String address;
    final int partition;
    List<Registration> registrations = List.of();

    AddressEntry(String address, int partition) {
      this.address = address;
      this.partition = partition;
    }

    /** Puts {@code next} in place of {@code previous} (either may be null); true when now empty. */
    boolean replace(Registration previous, Registration next) {
      List<Registration> changed = new ArrayList<>(registrations.size() + 1);
      for (Registration registration : registrations) {
        if (registration != previous) {
          changed.add(registration);
        }
      }
      if (next != null) {
        changed.add(next);
      }
      registrations = List.copyOf(changed);
      return registrations.isEmpty();
    }
  }

  private void markIdleIfUnused(String name) {
    if (instanceCount(name) == 0 && !dependents.containsKey(name)) {
      idleNames.add(name);
    }
  }
}
