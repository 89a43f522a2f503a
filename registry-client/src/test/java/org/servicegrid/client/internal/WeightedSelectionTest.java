package org.servicegrid.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.servicegrid.protocol.ServiceInfo;

/** Selection by the instances' Meta: weight, the caller's zone, the version asked for. */
class WeightedSelectionTest {

  private final AtomicLong nanos = new AtomicLong(1_000);
  private final FailureMarks failures = new FailureMarks(Duration.ofSeconds(2), nanos::get);

  @Test
  void weightsThreeAndOneGiveExactlyThreeQuartersSpreadOutInSmoothOrder() {
    ServiceInfo heavy = instance("a:1", "weight", "3");
    ServiceInfo light = instance("b:1", "weight", "1");
    InstanceSelector selector = roundRobin(null);
    List<ServiceInfo> known = List.of(heavy, light);

    List<ServiceInfo> picks = picks(selector, known, null, false, 4000);

    assertThat(count(picks, heavy)).isEqualTo(3000);
    assertThat(picks.subList(0, 8))
        .containsExactly(heavy, heavy, light, heavy, heavy, heavy, light, heavy);
  }

  @Test
  void weightsApplyWithTheirCommonDivisorTakenOutAndSeveralInstances() {
    ServiceInfo a = instance("a:1", "weight", "500");
    ServiceInfo b = instance("b:1", "weight", "300");
    ServiceInfo c = instance("c:1", "weight", "200");
    List<ServiceInfo> picks = picks(roundRobin(null), List.of(a, b, c), null, false, 1000);

    assertThat(List.of(count(picks, a), count(picks, b), count(picks, c)))
        .containsExactly(500, 300, 200);
  }

  @Test
  void weightedRandomKeepsTheWeightsProportionsWithinThreePercent() {
    ServiceInfo heavy = instance("a:1", "weight", "3");
    ServiceInfo light = instance("b:1");
    InstanceSelector selector = new InstanceSelector(SelectionPolicy.RANDOM, failures, null);

    List<ServiceInfo> picks = picks(selector, List.of(heavy, light), null, false, 4000);

    assertThat(count(picks, heavy) / 4000.0).isCloseTo(0.75, within(0.03));
  }

  @Test
  void theCallersZoneGetsEveryPickWhileOneOfItsInstancesIsUsable() {
    ServiceInfo near = instance("a:1", "zone", "eu-1");
    ServiceInfo near2 = instance("b:1", "zone", "eu-1");
    ServiceInfo far = instance("c:1", "zone", "us-1");
    InstanceSelector selector = roundRobin("eu-1");
    List<ServiceInfo> known = List.of(far, near, near2);

    assertThat(picks(selector, known, null, false, 100)).containsOnly(near, near2);

    selector.reportFailure(near);
    assertThat(picks(selector, known, null, false, 10)).containsOnly(near2);

    selector.reportFailure(near2);
    assertThat(picks(selector, known, null, false, 10)).containsOnly(far);

    nanos.addAndGet(Duration.ofSeconds(3).toNanos());
    assertThat(picks(selector, known, null, false, 10)).containsOnly(near, near2);
  }

  @Test
  void aCallerWithoutZoneOrInAZoneWithoutInstancesPicksFromEveryZone() {
    ServiceInfo eu = instance("a:1", "zone", "eu-1");
    ServiceInfo us = instance("b:1", "zone", "us-1");
    List<ServiceInfo> known = List.of(eu, us);

    assertThat(picks(roundRobin(null), known, null, false, 4)).containsOnly(eu, us);
    assertThat(picks(roundRobin("ap-1"), known, null, false, 4)).containsOnly(eu, us);
  }

  @Test
  void aVersionAskedForIsTheOnlyOneChosenAndNoneOfItGivesNothing() {
    ServiceInfo v1 = instance("a:1", "version", "1.0");
    ServiceInfo v2 = instance("b:1", "version", "2.0");
    ServiceInfo unversioned = instance("c:1");
    InstanceSelector selector = roundRobin(null);
    List<ServiceInfo> known = List.of(v1, v2, unversioned);

    assertThat(picks(selector, known, "2.0", true, 5)).containsOnly(v2);
    assertThat(picks(selector, known, "2.0", false, 6)).containsOnly(v1, unversioned);
    assertThat(selector.pick("log", known, "3.0", true)).isEmpty();

    selector.reportFailure(v2);
    assertThat(selector.pick("log", known, "2.0", true)).isEmpty();
    assertThat(selector.pickOther("log", known, "1.0", true, List.of(v1))).contains(v1);
  }

  @Test
  void theWeightsApplyWithinTheVersionGroupAndTheZoneBeforeThem() {
    ServiceInfo heavy = instance("a:1", Map.of("version", "1.0", "weight", "3", "zone", "z"));
    ServiceInfo light = instance("b:1", Map.of("version", "1.0", "zone", "z"));
    ServiceInfo otherZone = instance("c:1", Map.of("version", "1.0", "weight", "1000"));
    ServiceInfo canary = instance("d:1", Map.of("version", "2.0", "weight", "1000", "zone", "z"));
    List<ServiceInfo> known = List.of(heavy, light, otherZone, canary);

    List<ServiceInfo> picks = picks(roundRobin("z"), known, "2.0", false, 400);

    assertThat(count(picks, heavy)).isEqualTo(300);
    assertThat(count(picks, light)).isEqualTo(100);
  }

  @Test
  void aRetryAvoidsTheInstanceTriedAndCoolingDownOnesKeepingTheWeights() {
    ServiceInfo a = instance("a:1", "weight", "2");
    ServiceInfo b = instance("b:1", "weight", "1");
    ServiceInfo c = instance("c:1", "weight", "1");
    InstanceSelector selector = roundRobin(null);
    List<ServiceInfo> known = List.of(a, b, c);
    selector.reportFailure(c);

    List<ServiceInfo> retries =
        IntStream.range(0, 300)
            .mapToObj(i -> selector.pickOther("log", known, null, false, List.of(b)).orElseThrow())
            .toList();
    List<ServiceInfo> picks = picks(selector, known, null, false, 300);

    assertThat(retries).containsOnly(a);
    assertThat(count(picks, a)).isEqualTo(200);
    assertThat(count(picks, b)).isEqualTo(100);
  }

  @Test
  void aNewListFromTheTableIsWeighedAnew() {
    ServiceInfo a = instance("a:1");
    ServiceInfo b = instance("b:1");
    InstanceSelector selector = roundRobin(null);
    picks(selector, List.of(a, b), null, false, 3);

    ServiceInfo heavierB = instance("b:1", "weight", "3");
    List<ServiceInfo> picks = picks(selector, List.of(a, heavierB), null, false, 400);

    assertThat(count(picks, heavierB)).isEqualTo(300);
  }

  private InstanceSelector roundRobin(String zone) {
    return new InstanceSelector(SelectionPolicy.ROUND_ROBIN, failures, zone);
  }

  private static ServiceInfo instance(String addr, String... meta) {
    Map<String, String> pairs = new TreeMap<>();
    for (int i = 0; i < meta.length; i += 2) {
      pairs.put(meta[i], meta[i + 1]);
    }
    return instance(addr, pairs);
  }

  private static ServiceInfo instance(String addr, Map<String, String> meta) {
    return new ServiceInfo("log", addr, List.of(), meta);
  }

  private static List<ServiceInfo> picks(
      InstanceSelector selector,
      List<ServiceInfo> known,
      String version,
      boolean matching,
      int times) {
    return IntStream.range(0, times)
        .mapToObj(i -> selector.pick("log", known, version, matching).orElseThrow())
        .toList();
  }

  private static int count(List<ServiceInfo> picks, ServiceInfo instance) {
    Map<ServiceInfo, Long> counts =
        picks.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    return counts.getOrDefault(instance, 0L).intValue();
  }
}
