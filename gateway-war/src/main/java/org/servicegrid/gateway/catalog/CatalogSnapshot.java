package org.servicegrid.gateway.catalog;

import java.time.Instant;
import java.util.Set;

/**
 * What the gateway knows about the registry's services at one moment: the routable names, whether
 * the last attempt to refresh them reached the registry, and when they were last loaded. Immutable,
 * so a request reads one consistent view without locking while a refresh replaces it.
 *
 * @param names the routable service names
 * @param reachable whether the last refresh got an answer from the registry
 * @param loadedAt when the names were last loaded, or null if never
 * @param problem why the last refresh failed, or null when it succeeded
 */
public record CatalogSnapshot(
    Set<String> names, boolean reachable, Instant loadedAt, String problem) {

  /**
   * Before the first refresh: nothing is known, so an unknown name cannot be declared absent yet.
   */
  public static final CatalogSnapshot NOT_LOADED =
      new CatalogSnapshot(Set.of(), false, null, "service names not loaded from the registry yet");

  public CatalogSnapshot {
    names = Set.copyOf(names);
  }

  public static CatalogSnapshot loaded(Set<String> names, Instant at) {
    return new CatalogSnapshot(names, true, at, null);
  }

  /** The same names (still routable through the local instance table), marked as not refreshed. */
  public CatalogSnapshot unreachable(String why) {
    return new CatalogSnapshot(names, false, loadedAt, why);
  }

  public boolean everLoaded() {
    return loadedAt != null;
  }

  public boolean contains(String service) {
    return names.contains(service);
  }
}
