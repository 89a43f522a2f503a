package org.servicegrid.testsupport;

import java.time.Duration;

/**
 * How long a registry with these heart-beat settings takes at most to evict an instance that
 * stopped answering and tell its dependents, as the operations page promises: the next round starts
 * within one period, then each attempt waits out its read timeout (a hung instance; a closed port
 * fails at once) with the pause between attempts. {@link #bound()} adds what a loaded two-core
 * machine needs on top (rounds that start late, a notice that waits for a thread) and no more.
 */
public record EvictionBound(
    Duration period, int attempts, Duration retryPause, Duration readTimeout) {

  /** The registry's defaults: about 3 s. */
  public static final EvictionBound DEFAULT_SETTINGS =
      new EvictionBound(Duration.ofMillis(1000), 3, Duration.ofMillis(200), Duration.ofMillis(500));

  /** Measured: 2.9 s on a quiet machine for the defaults' 2.9 s promise. */
  public static final Duration LOADED_MACHINE_MARGIN = Duration.ofSeconds(3);

  /** The promise: period + attempts x read timeout + (attempts - 1) x pause. */
  public Duration promised() {
    return period
        .plus(readTimeout.multipliedBy(attempts))
        .plus(retryPause.multipliedBy(attempts - 1L));
  }

  /** What a test waits at most for an eviction. */
  public Duration bound() {
    return promised().plus(LOADED_MACHINE_MARGIN);
  }
}
