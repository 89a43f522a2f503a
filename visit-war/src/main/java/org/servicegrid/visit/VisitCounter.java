package org.servicegrid.visit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The visit count, advanced only when the visits' numbers have been recorded in the log.
 *
 * <p>Concurrency: visits are counted in groups, one group at a time. Visits that arrive while a group's log
 * call is in flight queue up and form the next group (at most {@code maxGroup} visits). The group's leader,
 * one of its own request threads, reserves count+1..count+k, makes one log call for all k numbers, which is
 * accepted or refused whole, and then hands the lead to the first visit of the next group before answering
 * its own: on acceptance the count becomes count+k and each visit answers its number; on refusal the count
 * stays and every visit of the group answers 503. Only one log call is ever in flight, so no number can be
 * logged while a lower one might still fail (no gaps, no duplicates), yet a log round trip is paid per group,
 * not per visit. The {@link ReentrantLock} guards only the queue and the in-flight flag; no I/O happens under
 * it. A visit that waits in the queue longer than {@code waitLimit} withdraws and is refused (503) instead
 * of piling up request threads behind a slow log service; once taken into a group it waits for the group's
 * outcome, which the log client's timeouts bound.
 *
 * <p>Each accepted group's count is saved before its visits answer (a write and a rename; it overlaps the next
 * group's log call), so the file never goes backwards and a restart continues where the last counted visit
 * left off.
 */
public final class VisitCounter {

  static final String TOO_MANY_WAITING = "too many visits waiting for the counter; try again";
  static final String NOT_RECORDED = "visit not counted: recording it failed";

  private final ReentrantLock lock = new ReentrantLock();
  private final ArrayDeque<Visit> waiting = new ArrayDeque<>(); // guarded by lock
  private boolean groupInFlight; // guarded by lock
  private final int maxGroup;
  private final Duration waitLimit;
  private final CountSaver saver;
  private volatile long count; // written only by the leader of the group in flight; read by metrics

  VisitCounter(long initial, int maxGroup, Duration waitLimit, VisitStateStore store) {
    this.count = initial;
    this.maxGroup = maxGroup;
    this.waitLimit = waitLimit;
    this.saver = new CountSaver(store, initial, this::current);
  }

  /**
   * Counts one visit and returns its number, or throws {@link VisitNotCountedException} leaving the count.
   * {@code recordGroup} records the numbers first .. first + count - 1 all together or throws, recording none.
   */
  public long visit(BiConsumer<Long, Integer> recordGroup) {
    Visit visit = new Visit();
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
    }
    return outcome.number();
  }

  /** The last counted visit. */
  public long current() {
    return count;
  }

  /** Saves the count and closes the state file (at shutdown); a group still in flight saves its own count. */
  void persist() {
    saver.saveAndClose();
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
   * The leader's work: one log call for the group, then hand the lead on, then save the count and tell the
   * other visits their outcomes. The save comes after the hand-over so that it overlaps the next group's log
   * call, and before any visit answers, so an answered number is always in the state file. The leader is
   * always the group's first visit; its own outcome is returned.
   */
  private Visit.Outcome record(List<Visit> group, BiConsumer<Long, Integer> recordGroup) {
    long first = count + 1;
    long last = first + group.size() - 1;
    RuntimeException failure = new VisitNotCountedException(NOT_RECORDED); // unless recorded below
    try {
      recordGroup.accept(first, group.size());
      count = last;
      failure = null;
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      handOver();
      if (failure == null) {
        saver.saveAtLeast(last);
      }
      for (int i = 1; i < group.size(); i++) { // also when an Error escapes: no visit of the group waits forever
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
        groupInFlight = false; // so the queue is empty whenever no group is in flight: a new visit leads alone
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
