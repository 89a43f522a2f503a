package org.servicegrid.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.servicegrid.protocol.ServiceInfo;

class InstanceSelectorTest {

  private static final ServiceInfo A = ServiceInfo.of("log", "a:1");
  private static final ServiceInfo B = ServiceInfo.of("log", "b:1");
  private static final ServiceInfo C = ServiceInfo.of("log", "c:1");
  private static final List<ServiceInfo> ALL = List.of(A, B, C);

  private final AtomicLong nanos = new AtomicLong(1_000);
  private final FailureMarks failures = new FailureMarks(Duration.ofSeconds(2), nanos::get);

  @Test
  void roundRobinCyclesThroughTheInstancesInOrder() {
    InstanceSelector selector = new InstanceSelector(SelectionPolicy.ROUND_ROBIN, failures, null);

    assertThat(picks(selector, 6)).containsExactly(A, B, C, A, B, C);
  }

  @Test
  void roundRobinKeepsOneCursorPerService() {
    InstanceSelector selector = new InstanceSelector(SelectionPolicy.ROUND_ROBIN, failures, null);
    ServiceInfo visit = ServiceInfo.of("visit", "v:1");

    selector.pick("log", ALL);
    selector.pick("visit", List.of(visit));

    assertThat(selector.pick("log", ALL)).contains(B);
  }

  @Test
  void randomEventuallyPicksEveryInstance() {
    InstanceSelector selector = new InstanceSelector(SelectionPolicy.RANDOM, failures, null);
    Set<ServiceInfo> picked = new HashSet<>();

    for (int i = 0; i < 1000 && picked.size() < ALL.size(); i++) {
      picked.add(selector.pick("log", ALL).orElseThrow());
    }

    assertThat(picked).containsExactlyInAnyOrderElementsOf(ALL);
  }

  @Test
  void aRetryGoesToAnInstanceNotTriedWhateverTheCursorAndBackToATriedOneOnlyWhenNoneElseIsUsable() {
    InstanceSelector selector = new InstanceSelector(SelectionPolicy.ROUND_ROBIN, failures, null);

    assertThat(
            IntStream.range(0, 6)
                .mapToObj(
                    i -> selector.pickOther("log", ALL, null, false, List.of(A, C)).orElseThrow()))
        .containsOnly(B);
    selector.reportFailure(B);
    assertThat(selector.pickOther("log", ALL, null, false, List.of(A))).contains(C);
    assertThat(selector.pickOther("log", List.of(A), null, false, List.of(A))).contains(A);
    assertThat(selector.pickOther("log", List.of(B), null, false, List.of(A))).isEmpty();
  }

  @Test
  void noInstanceGivesNothing() {
    InstanceSelector selector = new InstanceSelector(SelectionPolicy.ROUND_ROBIN, failures, null);

    assertThat(selector.pick("log", List.of())).isEmpty();
  }

  @Test
  void skipsAnInstanceReportedFailedWithinTheCooldown() {
    InstanceSelector selector = new InstanceSelector(SelectionPolicy.ROUND_ROBIN, failures, null);
    failures.markFailed(B.id());
    nanos.addAndGet(Duration.ofMillis(1999).toNanos());

    assertThat(picks(selector, 4)).containsOnly(A, C);
  }

  @Test
  void picksAFailedInstanceAgainOnceTheCooldownIsOver() {
    InstanceSelector selector = new InstanceSelector(SelectionPolicy.ROUND_ROBIN, failures, null);
    failures.markFailed(B.id());
    nanos.addAndGet(Duration.ofMillis(2001).toNanos());

    assertThat(picks(selector, 3)).containsExactlyInAnyOrder(A, B, C);
  }

  @Test
  void aFreshAnnouncementClearsTheFailureMark() {
    InstanceSelector selector = new InstanceSelector(SelectionPolicy.RANDOM, failures, null);
    failures.markFailed(A.id());
    assertThat(selector.pick("log", List.of(A))).isEmpty();

    failures.clear(A.id());

    assertThat(selector.pick("log", List.of(A))).contains(A);
  }

  @Test
  void whenEveryInstanceRecentlyFailedThereIsNone() {
    InstanceSelector selector = new InstanceSelector(SelectionPolicy.ROUND_ROBIN, failures, null);
    ALL.forEach(i -> failures.markFailed(i.id()));

    assertThat(selector.pick("log", ALL)).isEmpty();
  }

  /**
   * The instances of ALL that {@code times} picks in a row choose, failing if one of them finds
   * none.
   */
  private static List<ServiceInfo> picks(InstanceSelector selector, int times) {
    return IntStream.range(0, times)
        .mapToObj(i -> selector.pick("log", ALL).orElseThrow())
        .toList();
  }
}
