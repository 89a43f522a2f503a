package org.servicegrid.gateway.catalog;

import java.util.function.LongSupplier;

/**
 * A token bucket: up to {@code ratePerSecond} permits a second on average, with bursts of the same
 * size. It bounds the registry calls that requests for unknown names can cause, while a few genuine
 * new names in a row are each still looked up at once. The critical section is a few arithmetic
 * operations, so a plain monitor is cheaper than anything cleverer; it is only entered on a
 * catalogue miss.
 */
final class TokenBucket {

  private static final double NANOS_PER_SECOND = 1_000_000_000d;

  private final double capacity;
  private final double tokensPerNano;
  private final LongSupplier nanoClock;
  private double tokens;
  private long refilledAt;

  TokenBucket(int ratePerSecond, LongSupplier nanoClock) {
    this.capacity = ratePerSecond;
    this.tokensPerNano = ratePerSecond / NANOS_PER_SECOND;
    this.nanoClock = nanoClock;
    this.tokens = capacity;
    this.refilledAt = nanoClock.getAsLong();
  }

  synchronized boolean tryAcquire() {
    long now = nanoClock.getAsLong();
    tokens = Math.min(capacity, tokens + (now - refilledAt) * tokensPerNano);
    refilledAt = now;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}
