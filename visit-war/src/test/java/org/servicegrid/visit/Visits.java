package org.servicegrid.visit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.servicegrid.protocol.tracing.Tracing;

/** Visits sent from many threads, for the tests of the count under concurrency. */
final class Visits {

  /**
   * A log service that is unavailable: it refuses every log call, as LogSender does when no log
   * instance took it.
   */
  static final BiConsumer<Long, Integer> UNAVAILABLE_LOG =
      (first, count) -> {
        throw new VisitNotCountedException("log service unavailable");
      };

  private Visits() {}

  /**
   * Sends {@code visits} visits alternately to two instances' counters, each counting through its
   * own store on one database and logging through {@code log}, and returns the numbers they got, in
   * no particular order.
   */
  static List<Long> alternating(
      ExecutorService pool,
      int visits,
      VisitCountStore one,
      VisitCountStore two,
      BiConsumer<Long, Integer> log)
      throws Exception {
    VisitCounter first = new VisitCounter(one.prepare(), 64, Duration.ofSeconds(30), Tracing.off());
    VisitCounter second =
        new VisitCounter(two.prepare(), 64, Duration.ofSeconds(30), Tracing.off());
    List<Future<Long>> futures = new ArrayList<>();
    for (int i = 0; i < visits; i++) {
      boolean even = i % 2 == 0;
      futures.add(
          pool.submit(
              () ->
                  even
                      ? first.visit(size -> one.advance(size, log))
                      : second.visit(size -> two.advance(size, log))));
    }
    return numbers(futures);
  }

  /** The numbers the visits got, waiting at most 60 s for each. */
  static List<Long> numbers(List<Future<Long>> visits) throws Exception {
    List<Long> numbers = new ArrayList<>();
    for (Future<Long> visit : visits) {
      numbers.add(visit.get(60, TimeUnit.SECONDS));
    }
    return numbers;
  }
}
