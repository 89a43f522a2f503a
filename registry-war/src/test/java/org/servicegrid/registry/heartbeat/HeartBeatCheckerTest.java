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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger started = new AtomicInteger();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    HeartBeatChecker parallel =
        new HeartBeatChecker(
            settings,
            address -> {
              mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
              try {
                release.await(30, TimeUnit.SECONDS);
              } finally {
                inFlight.decrementAndGet();
              }
            },
            table.table(),
            task -> {
              started.incrementAndGet(); // counted as the checker hands the check over
              pool.execute(task);
            },
            (task, delay) -> {},
            Clock.systemUTC(),
            () -> {},
            EvictionTrace.OFF);
    List<Registration> all = sixInstancesOnPorts9000To9005();

    parallel.checkAll(all);
    // Every check handed to the executor so far is a probe in flight, and none can end yet.
    await().atMost(Duration.ofSeconds(20)).until(() -> inFlight.get() == started.get());

    assertThat(inFlight).as("probes in flight at once").hasValue(settings.parallelism());
    release.countDown();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> all.stream().allMatch(r -> r.lastHeartBeat() != null));
    assertThat(mostAtOnce)
        .as("most probes ever in flight at once")
        .hasValue(settings.parallelism());
    assertThat(started).as("checks run").hasValue(all.size());
  }

  @Test
  void aHungInstanceDoesNotDelayTheOthers() {
    CountDownLatch release = new CountDownLatch(1);
    HeartBeatChecker parallel =
        new HeartBeatChecker(
            settings,
            address -> {
              if (address.endsWith(":9000")) {
                release.await(30, TimeUnit.SECONDS);
              }
            },
            table.table(),
            pool,
            (task, delay) -> {},
            Clock.systemUTC(),
            () -> {},
            EvictionTrace.OFF);
    List<Registration> all = sixInstancesOnPorts9000To9005();

    parallel.checkAll(all);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> all.stream().filter(r -> r.lastHeartBeat() != null).count() == 5);
    assertThat(all.get(0).lastHeartBeat()).as("the hung one").isNull();
    release.countDown();
    await().atMost(Duration.ofSeconds(20)).until(() -> all.get(0).lastHeartBeat() != null);
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

  private void probe(String address) {
    probes.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
    if (down.contains(address)) {
      throw new IllegalStateException("connection refused");
    }
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
