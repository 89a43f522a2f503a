package org.servicegrid.visit;

import io.opentelemetry.api.trace.SpanContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One visit waiting in {@link VisitCounter}: its request thread parks here until it learns its
 * outcome, once: its number, a refusal, or that it leads the next group (then it makes that group's
 * log call itself and learns its own number from it).
 */
final class Visit {

  /** What a waiting visit learns. */
  sealed interface Outcome permits Counted, Refused, Lead {
    /** The visit's number, or the refusal as an exception. */
    long number();
  }

  record Counted(long number) implements Outcome {}

  record Refused(RuntimeException cause) implements Outcome {
    @Override
    public long number() {
      // A fresh exception per visit: the group's visits answer from different threads.
      throw cause instanceof VisitNotCountedException
          ? new VisitNotCountedException(cause.getMessage())
          : cause;
    }
  }

  record Lead(List<Visit> group) implements Outcome {
    @Override
    public long number() {
      throw new IllegalStateException("a leader has no number before its group is recorded");
    }
  }

  private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
  private final SpanContext trace;
  private volatile String loggedBy;

  /**
   * @param trace the span context of the visit's request, null when tracing is off
   */
  Visit(SpanContext trace) {
    this.trace = trace;
  }

  SpanContext trace() {
    return trace;
  }

  /** The trace id of the group span that logged this visit, null if none (yet). */
  String loggedBy() {
    return loggedBy;
  }

  /** Set by the group's leader before it completes this visit's outcome. */
  void loggedBy(String traceId) {
    loggedBy = traceId;
  }

  void complete(Outcome value) {
    outcome.complete(value);
  }

  /** The outcome, or null if none came within {@code limit} (or the thread was interrupted). */
  Outcome awaitOutcome(Duration limit) {
    try {
      return outcome.get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e); // never completed exceptionally
    }
  }

  /** The outcome, however long it takes: only called once it is sure to come. */
  Outcome awaitOutcome() {
    return outcome.join();
  }
}
