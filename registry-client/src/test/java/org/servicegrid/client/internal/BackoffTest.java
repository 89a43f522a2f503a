package org.servicegrid.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));

  @Test
  void doublesFromTheInitialDelayUpToTheCap() {
    assertThat(IntStream.rangeClosed(1, 8).mapToObj(n -> backoff.delayAfter(n).toMillis()))
        .containsExactly(200L, 400L, 800L, 1600L, 3200L, 5000L, 5000L, 5000L);
  }

  @Test
  void staysAtTheCapAfterVeryManyFailures() {
    assertThat(backoff.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void treatsAnyCountBelowOneAsTheFirstFailure() {
    assertThat(backoff.delayAfter(0)).isEqualTo(Duration.ofMillis(200));
  }
}
