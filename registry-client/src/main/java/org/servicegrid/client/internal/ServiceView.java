package org.servicegrid.client.internal;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.servicegrid.protocol.ServiceInfo;

/**
 * What {@link InstanceSelector} derives from one list of a service's instances, kept while the
 * table holds that same (immutable) list: per version asked for (only it, or all but it), the
 * instances admitted, the caller's zone preferred, as a ready {@link WeightedChoice} with its
 * round-robin cursor. So the usual pick filters and weighs nothing and allocates nothing; a new
 * list from the table starts a new view. The versions asked for come from traffic (a tester's
 * header), so at most {@value #MAX_GROUPS} are kept per view; further ones are derived per pick.
 */
final class ServiceView {

  private static final int MAX_GROUPS = 32;

  private final List<ServiceInfo> source;
  private final String zone;
  private final Group any;
  private final ConcurrentMap<String, Group> only = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Group> except = new ConcurrentHashMap<>();

  /**
   * @param source the table's list of the service's instances
   * @param zone the caller's zone, null for no preference
   */
  ServiceView(List<ServiceInfo> source, String zone) {
    this.source = source;
    this.zone = zone;
    this.any = new Group(source, zone);
  }

  /** True when this view was derived from exactly this list (the same object). */
  boolean isOf(List<ServiceInfo> instances) {
    return source == instances;
  }

  /**
   * @param version null for every instance
   * @param matching true: the instances of {@code version} only; false: all but those
   */
  Group group(String version, boolean matching) {
    if (version == null) {
      return any;
    }
    ConcurrentMap<String, Group> groups = matching ? only : except;
    Group group = groups.get(version);
    if (group == null) {
      group =
          new Group(
              source.stream()
                  .filter(i -> matching == version.equals(i.meta().get(ServiceInfo.VERSION)))
                  .toList(),
              zone);
      if (groups.size() < MAX_GROUPS) {
        Group raced = groups.putIfAbsent(version, group);
        group = raced == null ? group : raced;
      }
    }
    return group;
  }

  /** The instances admitted for one version asked for, and the round-robin position among them. */
  static final class Group {

    private final List<ServiceInfo> admitted;
    private final String zone;
    private final WeightedChoice preferred;
    private final AtomicInteger cursor = new AtomicInteger();

    Group(List<ServiceInfo> admitted, String zone) {
      this.admitted = admitted;
      this.zone = zone;
      this.preferred = WeightedChoice.of(preferZone(admitted, zone));
    }

    /** The choice while every admitted instance is usable. */
    WeightedChoice preferred() {
      return preferred;
    }

    /**
     * The choice among the admitted instances that are {@code usable}, the caller's zone preferred
     * again among those: only when none in it is usable the other zones are chosen from.
     */
    WeightedChoice narrowed(Predicate<ServiceInfo> usable) {
      return WeightedChoice.byCumulativeWeight(
          preferZone(admitted.stream().filter(usable).toList(), zone));
    }

    /** The next round-robin position; shared by every pick of this group, narrowed or not. */
    int next() {
      return cursor.getAndIncrement();
    }

    /** The instances in {@code zone}, or all of them when none is (or there is no zone). */
    static List<ServiceInfo> preferZone(List<ServiceInfo> instances, String zone) {
      if (zone == null) {
        return instances;
      }
      List<ServiceInfo> inZone =
          instances.stream().filter(i -> zone.equals(i.meta().get(ServiceInfo.ZONE))).toList();
      return inZone.isEmpty() ? instances : inZone;
    }
  }
}
