package org.servicegrid.registry.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.map.listener.EntryMergedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands every change of the shared map to this node's table, one at a time, on one thread of the
 * application's (Hazelcast's own event threads only queue: no application code runs on them).
 * Hazelcast delivers the events of a key in order, and one queue keeps that order. At start the
 * whole map is applied first, then the events that arrived meanwhile; records carry versions, so
 * one seen twice is dropped.
 *
 * <p>When a member leaves, the events it had not sent yet are lost with it: once its partitions
 * have new owners (or after {@code takeoverBound}), the whole map is read and applied again, and
 * the handler then sends the notices the departed member may not have sent. Likewise after this
 * member merged back into the cluster from a split (nodes started at once can form two clusters for
 * a few seconds).
 */
public final class ChangeFeed {

  /**
   * What the table does with the feed; always called on the feed's thread (or the starting one).
   */
  public interface Handler {
    void apply(RegistrationRecord record);

    /** A tombstone's time to live ran out. */
    void expired(RegistrationRecord record);

    /**
     * Members left and the map was applied again: the notices they owed are this node's to send
     * now.
     */
    void membersLeft(Set<UUID> members);
  }

  private static final Logger LOG = Logger.getLogger(ChangeFeed.class.getName());
  private static final long POLL_MILLIS = 100;

  private final SharedRegistrations shared;
  private final Handler handler;
  private final Duration takeoverBound;
  private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
  private final Queue<Departure> departures = new ConcurrentLinkedQueue<>();
  private volatile boolean running;
  private volatile boolean merged;
  private Thread thread;
  private UUID entryListener;
  private UUID membershipListener;
  private UUID lifecycleListener;

  private record Departure(UUID member, long deadlineNanos) {}

  public ChangeFeed(SharedRegistrations shared, Handler handler, Duration takeoverBound) {
    this.shared = shared;
    this.handler = handler;
    this.takeoverBound = takeoverBound;
  }

  /**
   * Listens, applies the whole map on the calling thread, then starts applying events on a new
   * thread.
   */
  public void start(ThreadFactory threads) {
    running = true;
    entryListener = shared.map().addEntryListener(new Entries(), true);
    membershipListener = shared.hazelcast().getCluster().addMembershipListener(new Members());
    lifecycleListener =
        shared
            .hazelcast()
            .getLifecycleService()
            .addLifecycleListener(
                event -> {
                  if (event.getState() == LifecycleEvent.LifecycleState.MERGED) {
                    merged = true;
                  }
                });
    shared.snapshot().forEach(handler::apply);
    thread = threads.newThread(this::drain);
    thread.setName("registry-change-feed");
    thread.start();
  }

  public void stop() {
    running = false;
    if (shared.isRunning()) {
      shared.map().removeEntryListener(entryListener);
      shared.hazelcast().getCluster().removeMembershipListener(membershipListener);
      shared.hazelcast().getLifecycleService().removeLifecycleListener(lifecycleListener);
    }
    if (thread != null) {
      thread.interrupt();
    }
  }

  private void drain() {
    while (running) {
      try {
        Runnable task = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (task != null) {
          task.run();
        }
        if (!departures.isEmpty()) {
          takeOver();
        }
        if (merged) {
          merged = false;
          LOG.info("Merged back into the registry cluster: reading the whole table again");
          shared.statusOverrides().reload();
          shared.snapshot().forEach(handler::apply);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) { // one bad change must not stop the feed
        LOG.log(Level.WARNING, "Applying a change of the registry cluster failed", e);
      }
    }
  }

  private void takeOver() {
    Set<UUID> left = new HashSet<>();
    boolean overdue = false;
    for (Departure departure : departures) {
      left.add(departure.member());
      overdue |= System.nanoTime() - departure.deadlineNanos() > 0;
    }
    boolean settled = shared.partitionsTakenOver(left);
    if (!settled && !overdue) {
      return;
    }
    if (!settled) {
      LOG.log(
          Level.WARNING,
          "Partitions of members {0} still without a new owner after {1} ms; taking over now",
          new Object[] {left, takeoverBound.toMillis()});
    }
    departures.removeIf(d -> left.contains(d.member()));
    shared.statusOverrides().reload();
    List<RegistrationRecord> all = shared.snapshot();
    all.forEach(handler::apply);
    handler.membersLeft(left);
  }

  private void offer(Runnable task) {
    if (running) {
      queue.add(task);
    }
  }

  /** Runs on Hazelcast's event threads: decodes and queues. */
  private final class Entries
      implements EntryAddedListener<String, String>,
          EntryUpdatedListener<String, String>,
          EntryRemovedListener<String, String>,
          EntryExpiredListener<String, String>,
          EntryMergedListener<String, String> {

    @Override
    public void entryAdded(EntryEvent<String, String> event) {
      applied(event.getValue());
    }

    @Override
    public void entryUpdated(EntryEvent<String, String> event) {
      applied(event.getValue());
    }

    @Override
    public void entryMerged(EntryEvent<String, String> event) {
      applied(event.getValue());
    }

    @Override
    public void entryRemoved(EntryEvent<String, String> event) {
      gone(event);
    }

    @Override
    public void entryExpired(EntryEvent<String, String> event) {
      gone(event);
    }

    private void applied(String text) {
      if (text == null) {
        return;
      }
      RegistrationRecord record = RegistrationRecord.decode(text);
      offer(() -> handler.apply(record));
    }

    private void gone(EntryEvent<String, String> event) {
      String text = removedValue(event);
      if (text != null) {
        RegistrationRecord record = RegistrationRecord.decode(text);
        offer(() -> handler.expired(record));
      }
    }
  }

  /**
   * The value a removal or expiry event took away: Hazelcast sends it as the old value, or as the
   * value, depending on the kind of event; null when it sent neither.
   */
  static String removedValue(EntryEvent<String, String> event) {
    return event.getOldValue() != null ? event.getOldValue() : event.getValue();
  }

  /** Runs on Hazelcast's event threads. */
  private final class Members implements MembershipListener {

    @Override
    public void memberAdded(MembershipEvent event) {
      LOG.log(
          Level.INFO,
          "Registry cluster member {0} joined: {1} members",
          new Object[] {event.getMember().getAddress(), event.getMembers().size()});
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
      LOG.log(
          Level.WARNING,
          "Registry cluster member {0} left: {1} members; taking over its instances",
          new Object[] {event.getMember().getAddress(), event.getMembers().size()});
      departures.add(
          new Departure(event.getMember().getUuid(), System.nanoTime() + takeoverBound.toNanos()));
    }
  }
}
