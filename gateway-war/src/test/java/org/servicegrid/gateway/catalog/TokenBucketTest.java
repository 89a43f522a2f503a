package org.servicegrid.gateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private final AtomicLong nanos = new AtomicLong(1_000);
  private final TokenBucket bucket = new TokenBucket(5, nanos::get);

  @Test
  void allowsABurstOfTheRateThenRefuses() {
    for (int i = 0; i < 5; i++) {
      assertThat(bucket.tryAcquire()).as("permit %d", i).isTrue();
    }
    assertThat(bucket.tryAcquire()).isFalse();
  }

  @Test
  void refillsAtTheConfiguredRate() {
    for (int i = 0; i < 5; i++) {
      bucket.tryAcquire();
    }
    nanos.addAndGet(199_000_000);
    assertThat(bucket.tryAcquire()).as("before 1/5 s").isFalse();
    nanos.addAndGet(1_000_000);
    assertThat(bucket.tryAcquire()).as("after 1/5 s").isTrue();
    assertThat(bucket.tryAcquire()).isFalse();
  }

  @Test
  void neverHoldsMoreThanOneBurst() {
    nanos.addAndGet(60_000_000_000L);
    int granted = 0;
    while (bucket.tryAcquire()) {
      granted++;
    }
    assertThat(granted).isEqualTo(5);
  }
}
