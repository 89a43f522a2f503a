package org.servicegrid.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.IntToLongFunction;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicegrid.protocol.tracing.Tracing;

/**
 * The group machinery over an in-memory count that, like {@link VisitCountStore}, advances only
 * when the log call returns; the store's own transaction is tested against real databases
 * (VisitCountStoreTest, the ITs).
 */
class VisitCounterTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  /** The stored count: what a restarted counter would start from. */
  private final AtomicLong stored = new AtomicLong();

  /** Each log call as [first, count]. */
  private final List<List<Long>> calls = Collections.synchronizedList(new ArrayList<>());

  private final List<Long> logged = Collections.synchronizedList(new ArrayList<>());
  private final BiConsumer<Long, Integer> accepting =
      (first, count) -> {
        calls.add(List.of(first, (long) count));
        LongStream.range(first, first + count).forEach(logged::add);
      };
  private final ExecutorService pool = Executors.newFixedThreadPool(80);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void countsOnFromTheLoadedValueAndLogsEachNewCount() {
    VisitCounter counter = counter(41, 64, Duration.ofSeconds(5));

    assertThat(counter.visit(recording(accepting))).isEqualTo(42);
    assertThat(counter.visit(recording(accepting))).isEqualTo(43);
    assertThat(logged).containsExactly(42L, 43L);
  }

  @Test
  void aVisitWhoseLogFailsLeavesTheCountAndTheNextVisitGetsTheSameNumber() {
    VisitCounter counter = counter(0, 64, Duration.ofSeconds(5));
    counter.visit(recording(accepting));

    assertThatThrownBy(() -> counter.visit(recording(Visits.UNAVAILABLE_LOG)))
        .isInstanceOf(VisitNotCountedException.class);

    assertThat(counter.current()).isEqualTo(1);
    assertThat(counter.visit(recording(accepting))).isEqualTo(2);
    assertThat(logged).containsExactly(1L, 2L);
    assertThat(stored.get()).isEqualTo(2);
  }

  @Test
  void concurrentVisitsGetEveryNumberExactlyOnceAndLogThemInOrder() throws Exception {
    VisitCounter counter = counter(0, 64, Duration.ofSeconds(30));
    List<Long> numbers = Visits.numbers(submit(counter, 800, accepting));

    assertThat(numbers)
        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 800).boxed().toList());
    assertThat(logged).isEqualTo(LongStream.rangeClosed(1, 800).boxed().toList());
    assertThat(counter.current()).isEqualTo(800);
  }

  @Test
  void visitsArrivingWhileALogCallIsInFlightAreRecordedTogetherInTheNextCall() throws Exception {
    VisitCounter counter = counter(0, 64, Duration.ofSeconds(30));

    List<Future<Long>> group = waitingBehindTheVisitInFlight(counter, 1, 5, accepting);

    assertThat(Visits.numbers(group)).containsExactlyInAnyOrder(2L, 3L, 4L, 5L, 6L);
    assertThat(calls).containsExactly(List.of(1L, 1L), List.of(2L, 5L));
    assertThat(stored.get()).isEqualTo(6);
  }

  @Test
  void aGroupHoldsAtMostMaxGroupVisitsAndTheRestFormTheNextGroups() throws Exception {
    VisitCounter counter = counter(0, 3, Duration.ofSeconds(30));

    List<Future<Long>> rest = waitingBehindTheVisitInFlight(counter, 1, 7, accepting);

    assertThat(Visits.numbers(rest))
        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(2, 8).boxed().toList());
    assertThat(calls)
        .containsExactly(List.of(1L, 1L), List.of(2L, 3L), List.of(5L, 3L), List.of(8L, 1L));
  }

  @Test
  void aRefusedGroupLeavesTheCountAndEveryVisitOfItIsRefusedAndTheNextGroupContinues()
      throws Exception {
    VisitCounter counter = counter(10, 64, Duration.ofSeconds(30));
    CountDownLatch failNext = new CountDownLatch(1);
    BiConsumer<Long, Integer> failingOnce =
        (first, count) -> {
          if (failNext.getCount() > 0) {
            failNext.countDown();
            Visits.UNAVAILABLE_LOG.accept(first, count);
          }
          accepting.accept(first, count);
        };

    List<Future<Long>> refusedGroup = waitingBehindTheVisitInFlight(counter, 11, 4, failingOnce);

    for (Future<Long> visit : refusedGroup) {
      assertThatThrownBy(() -> visit.get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(VisitNotCountedException.class)
          .hasMessageContaining("log service unavailable");
    }
    assertThat(counter.current()).isEqualTo(11);
    assertThat(stored.get()).isEqualTo(11);
    assertThat(counter.visit(recording(accepting))).isEqualTo(12);
    assertThat(logged).containsExactly(11L, 12L);
  }

  @Test
  void anErrorInTheLogCallRefusesTheWholeGroupRatherThanLeavingItWaiting() throws Exception {
    VisitCounter counter = counter(0, 64, Duration.ofSeconds(30));
    BiConsumer<Long, Integer> broken =
        (firstNumber, count) -> {
          throw new AssertionError("broken log");
        };

    List<Future<Long>> group = waitingBehindTheVisitInFlight(counter, 1, 3, broken);

    for (Future<Long> visit : group) {
      assertThatThrownBy(() -> visit.get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOfAny(AssertionError.class, VisitNotCountedException.class);
    }
    assertThat(counter.current()).isEqualTo(1);
    assertThat(counter.visit(recording(accepting))).isEqualTo(2);
  }

  @Test
  void refusesAVisitThatWaitsLongerThanTheLimitAndLeavesItOutOfTheNextGroup() throws Exception {
    VisitCounter counter = counter(0, 64, Duration.ofMillis(200));
    CountDownLatch release = new CountDownLatch(1);
    Future<Long> slow = visitInFlightUntil(release, counter);

    assertThatThrownBy(() -> counter.visit(recording(accepting)))
        .isInstanceOf(VisitNotCountedException.class)
        .hasMessageContaining("try again");

    assertThat(counter.waiting()).isZero();
    release.countDown();
    assertThat(slow.get(30, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(counter.visit(recording(accepting))).isEqualTo(2);
    assertThat(calls).containsExactly(List.of(1L, 1L), List.of(2L, 1L));
  }

  @Test
  void aNewCounterContinuesFromTheStoredCount() {
    VisitCounter counter = counter(0, 64, Duration.ofSeconds(5));
    counter.visit(recording(accepting));
    counter.visit(recording(accepting));

    assertThat(stored.get()).isEqualTo(2);
    assertThat(
            new VisitCounter(stored.get(), 64, Duration.ofSeconds(5), Tracing.off())
                .visit(recording(accepting)))
        .isEqualTo(3);
  }

  /**
   * Starts a visit whose log call is recorded at once but returns only when released, so that the
   * visits after it queue up; returns once that call is in flight.
   */
  private Future<Long> visitInFlightUntil(CountDownLatch release, VisitCounter counter) {
    Future<Long> visit =
        pool.submit(
            () ->
                counter.visit(
                    recording(
                        (first, count) -> {
                          accepting.accept(first, count);
                          try {
                            release.await(30, TimeUnit.SECONDS);
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                        })));
    await().atMost(PATIENCE).until(() -> calls.size() == 1);
    return visit;
  }

  /**
   * Holds a first visit's log call in flight until {@code visits} more visits, logged through
   * {@code log}, wait behind it; then lets it finish, checks that it got {@code number}, and
   * returns the visits that waited.
   */
  private List<Future<Long>> waitingBehindTheVisitInFlight(
      VisitCounter counter, long number, int visits, BiConsumer<Long, Integer> log)
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Future<Long> first = visitInFlightUntil(release, counter);
    List<Future<Long>> waiting = waitingVisits(counter, visits, log);
    release.countDown();
    assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(number);
    return waiting;
  }

  /**
   * Starts {@code visits} visits logged through {@code log} and returns once all of them wait for a
   * group.
   */
  private List<Future<Long>> waitingVisits(
      VisitCounter counter, int visits, BiConsumer<Long, Integer> log) {
    List<Future<Long>> futures = submit(counter, visits, log);
    await().atMost(PATIENCE).until(() -> counter.waiting() == visits);
    return futures;
  }

  private List<Future<Long>> submit(
      VisitCounter counter, int visits, BiConsumer<Long, Integer> log) {
    List<Future<Long>> futures = new ArrayList<>();
    for (int i = 0; i < visits; i++) {
      futures.add(pool.submit(() -> counter.visit(recording(log))));
    }
    return futures;
  }

  /**
   * Counts a group the way {@link VisitCountStore#advance} does: reserve, log, and count only if
   * logged.
   */
  private IntToLongFunction recording(BiConsumer<Long, Integer> log) {
    return visits -> {
      synchronized (stored) {
        long first = stored.get() + 1;
        log.accept(first, visits);
        stored.addAndGet(visits);
        return first;
      }
    };
  }

  private VisitCounter counter(long initial, int maxGroup, Duration waitLimit) {
    stored.set(initial);
    return new VisitCounter(initial, maxGroup, waitLimit, Tracing.off());
  }
}
