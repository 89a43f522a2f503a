package org.servicegrid.registry.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicegrid.protocol.Failures;
import org.servicegrid.registry.table.Change;

/**
 * The FIFO of notices for one dependent address, drained by at most one task at a time, so the
 * dependent receives the notices in the order they were queued while other dependents are served in
 * parallel by their own tasks: a slow or dead dependent only delays itself.
 *
 * <p>The {@code draining} flag is the drain token. {@link #offer} returns true when it took the
 * token of an idle queue; the caller must then call {@link #start} (it does so after releasing the
 * table's lock). The drain task gives the token back when the queue is empty and takes it again if
 * a notice slipped in meanwhile, so no notice is left behind and no two tasks drain the same queue.
 * The queue holds at most {@code capacity} notices: a dependent that cannot keep up loses the
 * newest ones (reported as failures) rather than the registry's memory; it will be evicted when it
 * stops answering heart-beats anyway. Each outcome is published as a {@link NoticeDelivered} or
 * {@link NoticeFailed} event.
 */
final class DependentQueue {

  private static final Logger LOG = Logger.getLogger(DependentQueue.class.getName());

  private final String address;
  private final int capacity;
  private final Executor executor;
  private final BiConsumer<String, Change> sender;
  private final Consumer<Object> publisher;
  private final Clock clock;
  private final Queue<Change> pending = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicBoolean draining = new AtomicBoolean();
  private volatile boolean closed;

  DependentQueue(
      String address,
      int capacity,
      Executor executor,
      BiConsumer<String, Change> sender,
      Consumer<Object> publisher,
      Clock clock) {
    this.address = address;
    this.capacity = capacity;
    this.executor = executor;
    this.sender = sender;
    this.publisher = publisher;
    this.clock = clock;
  }

  /** Appends {@code change}; true when the queue was idle and the caller must {@link #start} it. */
  boolean offer(Change change) {
    if (closed) {
      return false;
    }
    if (size.incrementAndGet() > capacity) {
      size.decrementAndGet();
      failed(change, "notice queue full (" + capacity + ")");
      return false;
    }
    pending.add(change);
    return draining.compareAndSet(false, true);
  }

  /** Notices queued and not yet being sent. */
  int waiting() {
    return closed ? 0 : size.get();
  }

  /**
   * Hands the drain to the executor; only the caller that got true from {@link #offer} calls it.
   */
  void start() {
    try {
      executor.execute(this::drain);
    } catch (RejectedExecutionException e) { // shutting down: nothing will be delivered any more
      closed = true;
    }
  }

  /** Drops pending notices; a notice being sent still completes (or times out). */
  void close() {
    closed = true;
    pending.clear();
  }

  private void drain() {
    do {
      for (Change change; !closed && (change = pending.poll()) != null; ) {
        size.decrementAndGet();
        deliver(change);
      }
      if (closed) {
        return; // keeps the token: a closed queue never drains again
      }
      draining.set(false);
    } while (!pending.isEmpty() && draining.compareAndSet(false, true));
  }

  private void deliver(Change change) {
    Duration latency;
    try {
      sender.accept(address, change);
      latency = Duration.between(change.at(), clock.instant());
    } catch (RuntimeException e) {
      failed(change, Failures.describe(e));
      return;
    }
    LOG.log(
        Level.FINE,
        "Told {0} that {1} at {2} was {3} ({4} ms after the change)",
        new Object[] {
          address,
          change.instance().name(),
          change.instance().addr(),
          change.kind(),
          latency.toMillis()
        });
    publisher.accept(new NoticeDelivered(address, change, latency));
  }

  private void failed(Change change, String reason) {
    LOG.log(
        Level.WARNING,
        "Could not tell {0} that {1} at {2} was {3}: {4}",
        new Object[] {
          address, change.instance().name(), change.instance().addr(), change.kind(), reason
        });
    publisher.accept(new NoticeFailed(address, change, reason));
  }
}
