package org.servicegrid.registry.table;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.servicegrid.registry.cluster.RegistrationRecord;

/**
 * The removals this node knows of, by key: a removal's version keeps an older write of its key that
 * arrives late from being applied, and the removals whose notices a departed member owed are found
 * here. The shared map expires a tombstone after {@link #TTL}; this node forgets it then, or, if it
 * missed the expiry, once it is twice that old. Not thread-safe: {@link ServiceTable} calls it
 * under its write lock.
 */
final class Tombstones {

  /** How long a removal is remembered: far beyond a member's failure detection and takeover. */
  static final Duration TTL = Duration.ofSeconds(60);

  private final Map<String, RegistrationRecord> byKey = new HashMap<>();

  /** The tombstone of {@code key}, or null. */
  RegistrationRecord get(String key) {
    return byKey.get(key);
  }

  /** Remembers {@code tombstone}, replacing an older one of its key. */
  void put(RegistrationRecord tombstone) {
    byKey.put(tombstone.key(), tombstone);
  }

  /** Forgets the tombstone of {@code key}: the key is registered again. */
  void remove(String key) {
    byKey.remove(key);
  }

  /** Forgets the tombstone {@code record} once the shared map expired it (not a newer one). */
  void expired(RegistrationRecord record) {
    RegistrationRecord known = byKey.get(record.key());
    if (known != null && known.version() == record.version()) {
      byKey.remove(record.key());
    }
  }

  /** The tombstones that match {@code test}. */
  List<RegistrationRecord> matching(Predicate<RegistrationRecord> test) {
    return byKey.values().stream().filter(test).toList();
  }

  /** Forgets the tombstones whose expiry this node missed: older than twice {@link #TTL}. */
  void forgetMissedExpiries(Instant now) {
    Instant cutoff = now.minus(TTL.multipliedBy(2));
    byKey.values().removeIf(tombstone -> tombstone.at().isBefore(cutoff));
  }

  int size() {
    return byKey.size();
  }
}
