package org.servicegrid.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VisitCounterTest {

  @TempDir Path dir;

  private final List<Long> logged = Collections.synchronizedList(new ArrayList<>());
  private final VisitLog accepting = logged::add;
  private final VisitLog failing = visit -> {
    throw new VisitNotCountedException("log service unavailable");
  };
  private final ExecutorService pool = Executors.newFixedThreadPool(16);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void countsOnFromTheLoadedValueAndLogsEachNewCount() throws IOException {
    VisitCounter counter = counter(41, Duration.ofSeconds(5));

    assertThat(counter.visit(accepting)).isEqualTo(42);
    assertThat(counter.visit(accepting)).isEqualTo(43);
    assertThat(logged).containsExactly(42L, 43L);
  }

  @Test
  void aVisitWhoseLogFailsLeavesTheCountAndTheNextVisitGetsTheSameNumber() throws IOException {
    VisitCounter counter = counter(0, Duration.ofSeconds(5));
    counter.visit(accepting);

    assertThatThrownBy(() -> counter.visit(failing)).isInstanceOf(VisitNotCountedException.class);

    assertThat(counter.current()).isEqualTo(1);
    assertThat(counter.visit(accepting)).isEqualTo(2);
    assertThat(logged).containsExactly(1L, 2L);
    assertThat(store().load()).isEqualTo(2);
  }

  @Test
  void concurrentVisitsGetEveryNumberExactlyOnceAndLogThemInOrder() throws Exception {
    VisitCounter counter = counter(0, Duration.ofSeconds(30));
    List<Future<Long>> visits = new ArrayList<>();
    for (int i = 0; i < 800; i++) {
      visits.add(pool.submit(() -> counter.visit(accepting)));
    }

    List<Long> numbers = new ArrayList<>();
    for (Future<Long> visit : visits) {
      numbers.add(visit.get(60, TimeUnit.SECONDS));
    }

    assertThat(numbers).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 800).boxed().toList());
    assertThat(logged).isEqualTo(LongStream.rangeClosed(1, 800).boxed().toList());
    assertThat(counter.current()).isEqualTo(800);
  }

  @Test
  void refusesAVisitThatWaitsLongerThanTheLimitAndLeavesTheCount() throws Exception {
    VisitCounter counter = counter(0, Duration.ofMillis(200));
    CountDownLatch logCalled = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<Long> slow = pool.submit(() -> counter.visit(visit -> {
      logCalled.countDown();
      await(release);
    }));
    assertThat(logCalled.await(30, TimeUnit.SECONDS)).isTrue();

    assertThatThrownBy(() -> counter.visit(accepting))
        .isInstanceOf(VisitNotCountedException.class).hasMessageContaining("try again");

    release.countDown();
    assertThat(slow.get(30, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(counter.visit(accepting)).isEqualTo(2);
  }

  @Test
  void savesEveryCountedVisitAndAgainWhenPersisted() throws IOException {
    VisitCounter counter = counter(0, Duration.ofSeconds(5));
    counter.visit(accepting);
    counter.visit(accepting);

    assertThat(store().load()).isEqualTo(2);

    counter.persist();
    assertThat(new VisitCounter(store().load(), Duration.ofSeconds(5), store()).visit(accepting)).isEqualTo(3);
  }

  private VisitCounter counter(long initial, Duration waitLimit) {
    return new VisitCounter(initial, waitLimit, store());
  }

  private VisitStateStore store() {
    return new VisitStateStore(dir.resolve("data/visit-count"));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
