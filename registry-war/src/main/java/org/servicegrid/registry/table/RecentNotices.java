package org.servicegrid.registry.table;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The changes this node sent notices of during the last {@code window}, per service, with the
 * dependents it told. A dependent registered through another node got its answer from that node's
 * table, which may not have had a change this node had already applied and notified without it (the
 * two nodes apply the same changes, but not at the same instant): when this node then applies the
 * dependent's registration, it sends it those notices too. Not thread-safe: the table calls it
 * under its write lock.
 */
final class RecentNotices {

  private record Sent(Change change, Set<String> told, long atNanos) {}

  private final Map<String, Deque<Sent>> byService = new HashMap<>();
  private final long windowNanos;
  private final LongSupplier nanoTime;
  private int sinceSweep;

  RecentNotices(Duration window, LongSupplier nanoTime) {
    this.windowNanos = window.toNanos();
    this.nanoTime = nanoTime;
  }

  /** {@code change} was notified to {@code told}. */
  void sent(Change change, Set<String> told) {
    long now = nanoTime.getAsLong();
    Deque<Sent> sent = byService.computeIfAbsent(change.instance().name(), n -> new ArrayDeque<>());
    dropOld(sent, now);
    sent.addLast(new Sent(change, told, now));
    if (++sinceSweep >= 1000) { // services that stopped changing still let go of their old entries
      sinceSweep = 0;
      byService.values().removeIf(deque -> dropOld(deque, now));
    }
  }

  /**
   * The recent changes of {@code services}, in order per service, that were not notified to {@code
   * address}.
   */
  List<Change> missedBy(Collection<String> services, String address) {
    long now = nanoTime.getAsLong();
    List<Change> missed = new ArrayList<>();
    for (String service : services) {
      Deque<Sent> sent = byService.getOrDefault(service, new ArrayDeque<>());
      dropOld(sent, now);
      sent.forEach(
          s -> {
            if (!s.told().contains(address)) {
              missed.add(s.change());
            }
          });
    }
    return missed;
  }

  /** Drops the entries older than the window; true when none is left. */
  private boolean dropOld(Deque<Sent> sent, long now) {
    while (!sent.isEmpty() && now - sent.peekFirst().atNanos() > windowNanos) {
      sent.removeFirst();
    }
    return sent.isEmpty();
  }
}
