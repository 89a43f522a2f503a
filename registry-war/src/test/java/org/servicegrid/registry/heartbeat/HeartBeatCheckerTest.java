package org.servicegrid.registry.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicegrid.protocol.Transport;
import org.servicegrid.registry.table.InstanceState;
import org.servicegrid.registry.table.Registration;
import org.servicegrid.registry.table.UnmanagedTable;

class HeartBeatCheckerTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private final HeartBeatSettings settings =
      new HeartBeatSettings(
          Duration.ofSeconds(1),
          3,
          Duration.ofMillis(200),
          Duration.ofMillis(500),
          Duration.ofMillis(500),
          2,
          Transport.http());
  private final Set<String> down = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicInteger> probes = new ConcurrentHashMap<>();
  private final List<Runnable> retries = new ArrayList<>();
  private final UnmanagedTable table = new UnmanagedTable(Clock.fixed(NOW, ZoneOffset.UTC));
  private final AtomicInteger missed = new AtomicInteger();
  private final ExecutorService pool = Executors.newCachedThreadPool();

  private final HeartBeatChecker checker =
      new HeartBeatChecker(
          settings,
          this::probe,
          table.table(),
          Runnable::run,
          (task, delay) -> retries.add(task),
          Clock.fixed(NOW, ZoneOffset.UTC),
          missed::incrementAndGet,
          EvictionTrace.OFF);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void startsNoCheckOnceStoppedAndItsPendingRetryDecidesNothing() {
    Registration log = silentAfterTheFirstCheck("127.0.0.1:9001");
    Registration visit = register("127.0.0.1:9002");

    checker.stop();
    checker.checkAll(List.of(visit));
    runRetry();

    assertThat(probes).doesNotContainKey("127.0.0.1:9002");
    assertThat(probes.get("127.0.0.1:9001")).hasValue(1);
    assertThat(log.consecutiveFailures()).isEqualTo(1);
    assertThat(table.evicted()).isEmpty();
  }

  @Test
  void evictsAfterTheConfiguredNumberOfMissedHeartBeatsInARow() {
    Registration log = silentAfterTheFirstCheck("127.0.0.1:9001");

    runRetry();
    assertThat(log.state()).isEqualTo(InstanceState.FAILING);
    assertThat(log.consecutiveFailures()).isEqualTo(2);
    assertThat(table.evicted()).isEmpty();
    runRetry();

    assertThat(table.evicted()).containsExactly(log.info());
    assertThat(retries).isEmpty();
    assertThat(missed).hasValue(3);
  }

  @Test
  void anInstanceThatAnswersAgainBeforeEvictionStaysAndIsUp() {
    Registration log = silentAfterTheFirstCheck("127.0.0.1:9001");
    runRetry();

    down.clear();
    runRetry();

    assertThat(table.evicted()).isEmpty();
    assertThat(log.state()).isEqualTo(InstanceState.UP);
    assertThat(log.consecutiveFailures()).isZero();
    assertThat(log.lastHeartBeat()).isEqualTo(NOW);
  }

  @Test
  void neverEvictsTheRegistrationThatReplacedTheFailingOne() {
    Registration first = silentAfterTheFirstCheck("127.0.0.1:9001");
    runRetry();

    Registration second = register("127.0.0.1:9001"); // re-registered before the last attempt
    runRetry();

    assertThat(table.evicted()).isEmpty();
    assertThat(second.consecutiveFailures()).isZero();
    assertThat(retries).isEmpty();
  }

  @Test
  void doesNotCheckARegistrationAgainWhileItsRetryIsPending() {
    Registration log = silentAfterTheFirstCheck("127.0.0.1:9001");

    checker.checkAll(List.of(log)); // the next period's round

    assertThat(probes.get("127.0.0.1:9001")).hasValue(1);
    assertThat(retries).hasSize(1);
  }

  @Test
  void keepsExactlyParallelismProbesInFlightWhileMoreAddressesAreDue() {
    // Every fake peer holds its answer until released: without a limit all six would be in flight.
    CompletableFuture<Void> release = new CompletableFuture<>();
    AtomicInteger started = new AtomicInteger();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    HeartBeatChecker parallel =
        checker(
            address -> {
              started.incrementAndGet();
              mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
              return release.whenComplete((ok, failure) -> inFlight.decrementAndGet());
            });
    List<Registration> all = sixInstancesOnPorts9000To9005();

    parallel.checkAll(all);

    assertThat(started).as("probes started before any answered").hasValue(settings.parallelism());
    release.complete(null);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> all.stream().allMatch(r -> r.lastHeartBeat() != null));
    assertThat(mostAtOnce)
        .as("most probes ever in flight at once")
        .hasValue(settings.parallelism());
    assertThat(started).as("probes made").hasValue(all.size());
  }

  @Test
  void aHungInstanceDoesNotDelayTheOthers() {
    CompletableFuture<Void> hung = new CompletableFuture<>();
    HeartBeatChecker parallel =
        checker(
            address -> address.endsWith(":9000") ? hung : CompletableFuture.completedFuture(null));
    List<Registration> all = sixInstancesOnPorts9000To9005();

    parallel.checkAll(all);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> all.stream().filter(r -> r.lastHeartBeat() != null).count() == 5);
    assertThat(all.get(0).lastHeartBeat()).as("the hung one").isNull();
    hung.complete(null);
    await().atMost(Duration.ofSeconds(20)).until(() -> all.get(0).lastHeartBeat() != null);
  }

  @Test
  void spreadsARoundEvenlyOverThePeriodAndProbesEachAddressOnce() {
    List<Duration> delays = new ArrayList<>();
    List<Runnable> slices = new ArrayList<>();
    HeartBeatChecker spread =
        new HeartBeatChecker(
            settings,
            this::probe,
            table.table(),
            Runnable::run,
            (task, delay) -> {
              delays.add(delay);
              slices.add(task);
            },
            Clock.fixed(NOW, ZoneOffset.UTC),
            () -> {},
            EvictionTrace.OFF);
    List<Registration> all = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      all.add(table.register("log", "127.1.0." + (i + 1) + ":9000"));
      all.add(table.register("visit", "127.1.0." + (i + 1) + ":9000"));
    }

    spread.checkRound(table.table().ownedAddresses(), Duration.ofSeconds(1));

    int slicesInAPeriod = (int) (1000 / HeartBeatChecker.SLICE_MILLIS);
    assertThat(delays).as("slices after the first").hasSize(slicesInAPeriod - 1);
    for (int i = 0; i < delays.size(); i++) {
      assertThat(delays.get(i))
          .isEqualTo(Duration.ofMillis((i + 1) * HeartBeatChecker.SLICE_MILLIS));
    }
    int before = probes.size();
    assertThat(before).as("addresses probed at once").isEqualTo(250 / slicesInAPeriod);
    for (Runnable slice : slices) {
      int probed = probes.size();
      slice.run();
      assertThat(probes.size() - probed)
          .as("addresses of one slice")
          .isEqualTo(250 / slicesInAPeriod);
    }
    assertThat(probes).hasSize(250).allSatisfy((address, count) -> assertThat(count).hasValue(1));
    assertThat(all).allSatisfy(r -> assertThat(r.lastHeartBeat()).isEqualTo(NOW));
  }

  @Test
  void asksEachAddressOnceForAllTheServicesRegisteredAtIt() {
    Registration log = table.register("log", "127.0.0.1:9001");
    Registration visit = table.register("visit", "127.0.0.1:9001");
    Registration other = table.register("log", "127.0.0.1:9002");

    checker.checkAll(List.of(log, visit, other));

    assertThat(probes.get("127.0.0.1:9001")).hasValue(1);
    assertThat(probes.get("127.0.0.1:9002")).hasValue(1);
    assertThat(List.of(log, visit, other))
        .allSatisfy(r -> assertThat(r.lastHeartBeat()).isEqualTo(NOW));
  }

  @Test
  void aSilentAddressEvictsEveryServiceRegisteredAtItAndCountsEachMiss() {
    Registration log = table.register("log", "127.0.0.1:9001");
    Registration visit = table.register("visit", "127.0.0.1:9001");
    Registration alive = table.register("log", "127.0.0.1:9002");
    down.add("127.0.0.1:9001");

    checker.checkAll(List.of(log, visit, alive));
    runRetry();
    runRetry();

    assertThat(table.evicted()).containsExactlyInAnyOrder(log.info(), visit.info());
    assertThat(probes.get("127.0.0.1:9001")).hasValue(3);
    assertThat(missed).hasValue(6);
    assertThat(alive.state()).isEqualTo(InstanceState.UP);
    assertThat(retries).isEmpty();
  }

  @Test
  void aServiceSeenWhileItsAddressIsFailingJoinsThePendingRetry() {
    Registration log = silentAfterTheFirstCheck("127.0.0.1:9001");
    Registration visit = table.register("visit", "127.0.0.1:9001");

    checker.checkAll(List.of(log, visit)); // the next period's round, while the retry is pending
    down.clear();
    runRetry();

    assertThat(probes.get("127.0.0.1:9001")).hasValue(2);
    assertThat(List.of(log, visit))
        .allSatisfy(r -> assertThat(r.state()).isEqualTo(InstanceState.UP));
    assertThat(visit.lastHeartBeat()).isEqualTo(NOW);
    assertThat(retries).isEmpty();
  }

  private CompletableFuture<Void> probe(String address) {
    probes.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
    return down.contains(address)
        ? CompletableFuture.failedFuture(new IllegalStateException("connection refused"))
        : CompletableFuture.completedFuture(null);
  }

  /** A checker of {@code probe} whose answers are decided on the test's pool. */
  private HeartBeatChecker checker(HeartBeatChecker.Probe probe) {
    return new HeartBeatChecker(
        settings,
        probe,
        table.table(),
        pool,
        (task, delay) -> {},
        Clock.systemUTC(),
        () -> {},
        EvictionTrace.OFF);
  }

  private void runRetry() {
    assertThat(retries).as("a pending retry").isNotEmpty();
    retries.remove(0).run();
  }

  private Registration register(String addr) {
    return table.register("log", addr);
  }

  /**
   * A log instance at {@code addr} that does not answer, after one round: its first check failed, a
   * retry waits.
   */
  private Registration silentAfterTheFirstCheck(String addr) {
    Registration registration = register(addr);
    down.add(addr);
    checker.checkAll(List.of(registration));
    return registration;
  }

  private List<Registration> sixInstancesOnPorts9000To9005() {
    List<Registration> all = new ArrayList<>();
    for (int port = 9000; port < 9006; port++) {
      all.add(register("127.0.0.1:" + port));
    }
    return all;
  }
}
