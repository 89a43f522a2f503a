package org.servicegrid.client.internal;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import org.servicegrid.protocol.InstanceId;

/**
 * Remembers which instances a caller saw fail, so that selection skips them for a cool-down instead
 * of sending the next requests to a dead instance until the registry's heart-beat evicts it (a few
 * seconds). Time comes from a monotonic nanosecond clock (injectable for tests) so wall-clock jumps
 * do not matter.
 */
final class FailureMarks {

  private final ConcurrentMap<InstanceId, Long> failedUntil = new ConcurrentHashMap<>();
  private final Duration cooldown;
  private final long cooldownNanos;
  private final LongSupplier nanoClock;

  FailureMarks(Duration cooldown, LongSupplier nanoClock) {
    this.cooldown = cooldown;
    this.cooldownNanos = cooldown.toNanos();
    this.nanoClock = nanoClock;
  }

  Duration cooldown() {
    return cooldown;
  }

  /** Starts (or restarts) the cool-down; true if the instance was not already cooling down. */
  boolean markFailed(InstanceId id) {
    boolean wasCooling = isCoolingDown(id);
    failedUntil.put(id, nanoClock.getAsLong() + cooldownNanos);
    return !wasCooling;
  }

  void clear(InstanceId id) {
    failedUntil.remove(id);
  }

  /**
   * True when no instance is marked, expired marks included (they are forgotten when next looked
   * at).
   */
  boolean none() {
    return failedUntil.isEmpty();
  }

  boolean isCoolingDown(InstanceId id) {
    Long until = failedUntil.get(id);
    if (until == null) {
      return false;
    }
    if (nanoClock.getAsLong() - until < 0) {
      return true;
    }
    failedUntil.remove(id, until); // expired: forget it so the map only holds current marks
    return false;
  }
}
