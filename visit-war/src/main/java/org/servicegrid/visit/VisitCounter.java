package org.servicegrid.visit;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The visit count, advanced only when the visit's number has been recorded in the log.
 *
 * <p>Concurrency: a <em>fair</em> lock is held across reserve (count + 1), record (the call to the log
 * service) and commit. This breaks the usual "no network I/O under a lock" rule on purpose: the numbers must
 * be exactly 1..N with one log line each, and a visit whose log call fails must leave the count unchanged.
 * If two visits overlapped, the later one would log N+1 while N might still fail, leaving a gap (or, if N
 * were reused, a duplicate). So visits are serialized, which caps throughput at one log round trip per visit
 * (about a millisecond on loopback). Fair, so visits are served in arrival order and none starves. The time
 * under the lock is bounded by the log client's connect and read timeouts times the attempts; the time a
 * visit waits for the lock is bounded by {@code waitLimit}, after which it is refused (503) instead of
 * piling up request threads behind a slow log service.
 *
 * <p>Each committed count is saved before the lock is released (a rename, far cheaper than the log call),
 * so the file never goes backwards and a restart continues where the last counted visit left off.
 */
public final class VisitCounter {

  private static final Logger LOG = Logger.getLogger(VisitCounter.class.getName());

  private final ReentrantLock lock = new ReentrantLock(true);
  private final Duration waitLimit;
  private final VisitStateStore store;
  private volatile long count; // written only under the lock; read without it by metrics

  VisitCounter(long initial, Duration waitLimit, VisitStateStore store) {
    this.count = initial;
    this.waitLimit = waitLimit;
    this.store = store;
  }

  /** Counts one visit and returns its number, or throws {@link VisitNotCountedException} leaving the count. */
  public long visit(VisitLog log) {
    acquire();
    try {
      long next = count + 1;
      log.record(next);
      count = next;
      save(next);
      return next;
    } finally {
      lock.unlock();
    }
  }

  /** The last counted visit. */
  public long current() {
    return count;
  }

  /** Saves the count (at shutdown); waits for a visit in progress, but not beyond the wait limit. */
  void persist() {
    boolean locked = tryAcquire();
    try {
      save(count);
    } finally {
      if (locked) {
        lock.unlock();
      }
    }
  }

  private void acquire() {
    if (!tryAcquire()) {
      throw new VisitNotCountedException("too many visits waiting for the counter; try again");
    }
  }

  private boolean tryAcquire() {
    try {
      return lock.tryLock(waitLimit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void save(long value) {
    try {
      store.save(value);
    } catch (IOException e) {
      // The visit is counted and logged; the count stays right in memory and the shutdown save retries.
      LOG.log(Level.WARNING, "Cannot save visit count {0} to {1}: {2}",
          new Object[] {String.valueOf(value), store.file(), e.toString()});
    }
  }
}
