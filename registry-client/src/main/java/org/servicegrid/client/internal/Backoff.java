package org.servicegrid.client.internal;

import java.time.Duration;

/**
 * Exponential backoff for registration retries: the initial delay after the first failure, doubling
 * after each further failure, capped at the maximum. Short first retries let a service find a
 * registry that is starting at the same moment; the cap bounds how long it takes to notice a
 * registry that came back.
 */
record Backoff(Duration initial, Duration max) {

  /** The delay before the next attempt after {@code failures} consecutive failures (at least 1). */
  Duration delayAfter(int failures) {
    int doublings =
        Math.min(Math.max(failures, 1) - 1, 30); // 2^30 x initial already exceeds any cap
    Duration delay = initial.multipliedBy(1L << doublings);
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
