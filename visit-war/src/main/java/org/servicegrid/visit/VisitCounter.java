package org.servicegrid.visit;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntToLongFunction;
import org.servicegrid.protocol.tracing.TraceAttributes;
import org.servicegrid.protocol.tracing.Tracing;

/**
 * Counts visits in groups, each group's numbers recorded in the log before they count.
 *
 * <p>Concurrency: visits are counted in groups, one group at a time. Visits that arrive while a
 * group's log call is in flight queue up and form the next group (at most {@code maxGroup} visits).
 * The group's leader, one of its own request threads, has the group recorded ({@link
 * VisitCountStore#advance}: reserve count+1..count+k in the database, one log call for all k
 * numbers, accepted or refused whole, count them), and then hands the lead to the first visit of
 * the next group before answering its own: on acceptance each visit answers its number; on refusal
 * the count stays and every visit of the group answers 503. Only one group of this instance is ever
 * in flight (and the database's row lock makes that one system-wide), so no number can be logged
 * while a lower one might still fail (no gaps, no duplicates), yet a log round trip is paid per
 * group, not per visit. The {@link ReentrantLock} guards only the queue and the in-flight flag; no
 * I/O happens under it. A visit that waits in the queue longer than {@code waitLimit} withdraws and
 * is refused (503) instead of piling up request threads behind a slow log service; once taken into
 * a group it waits for the group's outcome, which the database's lock timeout and the log client's
 * timeouts bound.
 */
public final class VisitCounter {

  static final String TOO_MANY_WAITING = "too many visits waiting for the counter; try again";
  static final String NOT_RECORDED = "visit not counted: recording it failed";

  private final ReentrantLock lock = new ReentrantLock();
  private final ArrayDeque<Visit> waiting = new ArrayDeque<>(); // guarded by lock
  private boolean groupInFlight; // guarded by lock
  private final int maxGroup;
  private final Duration waitLimit;
  private volatile long count; // written only by the leader of the group in flight; read by metrics
  private final Tracing tracing;

  VisitCounter(long initial, int maxGroup, Duration waitLimit, Tracing tracing) {
    this.count = initial;
    this.maxGroup = maxGroup;
    this.waitLimit = waitLimit;
    this.tracing = tracing;
  }

  /**
   * Counts one visit and returns its number, or throws {@link VisitNotCountedException} leaving the
   * count. {@code recordGroup} takes a group's size k, counts and records the next k numbers all
   * together and returns the first, or throws, counting and recording none.
   */
  public long visit(IntToLongFunction recordGroup) {
    Visit visit = new Visit(tracing.enabled() ? Span.current().getSpanContext() : null);
    List<Visit> group = null;
    lock.lock();
    try {
      waiting.add(visit);
      if (!groupInFlight) {
        groupInFlight = true;
        group = takeGroup();
      }
    } finally {
      lock.unlock();
    }
    Visit.Outcome outcome = group == null ? awaitTurn(visit) : new Visit.Lead(group);
    if (outcome instanceof Visit.Lead lead) {
      outcome = record(lead.group(), recordGroup);
    } else if (visit.loggedBy() != null) {
      Span.current().setAttribute(TraceAttributes.LOG_TRACE_ID, visit.loggedBy());
    }
    return outcome.number();
  }

  /**
   * The count as this instance last saw it: at start, or its last counted visit (others count too).
   */
  public long current() {
    return count;
  }

  /** Visits queued for the next group (for tests that wait until a group has formed). */
  int waiting() {
    lock.lock();
    try {
      return waiting.size();
    } finally {
      lock.unlock();
    }
  }

  private Visit.Outcome awaitTurn(Visit visit) {
    Visit.Outcome outcome = visit.awaitOutcome(waitLimit);
    if (outcome != null) {
      return outcome;
    }
    lock.lock();
    try {
      if (waiting.remove(visit)) {
        return new Visit.Refused(new VisitNotCountedException(TOO_MANY_WAITING));
      }
    } finally {
      lock.unlock();
    }
    return visit.awaitOutcome(); // already part of a group: its outcome is on the way
  }

  /**
   * The leader's work: the group is counted and recorded, then the lead is handed on, then the
   * other visits learn their outcomes. The leader is always the group's first visit; its own
   * outcome is returned.
   */
  private Visit.Outcome record(List<Visit> group, IntToLongFunction recordGroup) {
    long first = 0;
    RuntimeException failure = null;
    Span span = GroupTrace.start(tracing, group);
    try (Scope scope = span == null ? null : span.makeCurrent()) {
      first = recordGroup.applyAsLong(group.size());
      count = first + group.size() - 1;
    } catch (RuntimeException e) {
      failure = e;
    } catch (Error e) { // it escapes, but no visit of the group may wait forever
      failure = new VisitNotCountedException(NOT_RECORDED);
      throw e;
    } finally {
      GroupTrace.end(span, group, failure);
      handOver();
      for (int i = 1; i < group.size(); i++) {
        group.get(i).complete(outcome(first + i, failure));
      }
    }
    return outcome(first, failure);
  }

  private static Visit.Outcome outcome(long number, RuntimeException failure) {
    return failure == null ? new Visit.Counted(number) : new Visit.Refused(failure);
  }

  private void handOver() {
    lock.lock();
    try {
      if (waiting.isEmpty()) {
        groupInFlight =
            false; // so the queue is empty whenever no group is in flight: a new visit leads alone
      } else {
        List<Visit> next = takeGroup();
        next.get(0).complete(new Visit.Lead(next));
      }
    } finally {
      lock.unlock();
    }
  }

  private List<Visit> takeGroup() {
    List<Visit> group = new ArrayList<>(Math.min(waiting.size(), maxGroup));
    while (group.size() < maxGroup && !waiting.isEmpty()) {
      group.add(waiting.poll());
    }
    return group;
  }
}
