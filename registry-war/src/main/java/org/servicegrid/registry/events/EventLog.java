package org.servicegrid.registry.events;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.servicegrid.registry.notify.NoticeFailed;
import org.servicegrid.registry.table.Change;

/**
 * The last {@code registry.events.capacity} registry events, newest first, in memory only: enough
 * for a dashboard to show what just happened without a database. A plain deque under {@code
 * synchronized}: each operation is a few pointer moves, far cheaper than anything lock-free would
 * save.
 */
@ApplicationScoped
public class EventLog {

  private final Deque<RegistryEvent> events = new ArrayDeque<>();
  private int capacity;

  @Inject private EventLogSettings settings;

  public EventLog() {}

  /** A log outside the container, for tests. */
  EventLog(int capacity) {
    this.capacity = capacity;
  }

  @PostConstruct
  void init() {
    capacity = settings.capacity();
  }

  /** How many events are kept; also the largest {@code limit} a caller may ask for. */
  public int capacity() {
    return capacity;
  }

  void onChange(@Observes Change change) {
    RegistryEvent.Type type = RegistryEvent.Type.valueOf(change.kind().name());
    String detail = change.by().isEmpty() ? null : "by " + change.by();
    record(
        new RegistryEvent(
            change.at(), type, change.instance().name(), change.instance().addr(), detail));
  }

  void onNoticeFailed(@Observes NoticeFailed failed) {
    Change change = failed.change();
    String detail =
        "notifying " + failed.dependent() + " of " + change.kind() + " failed: " + failed.reason();
    record(
        new RegistryEvent(
            Instant.now(),
            RegistryEvent.Type.NOTIFICATION_FAILED,
            change.instance().name(),
            change.instance().addr(),
            detail));
  }

  /** The newest {@code limit} events, newest first. */
  public synchronized List<RegistryEvent> recent(int limit) {
    List<RegistryEvent> newest = new ArrayList<>(Math.min(limit, events.size()));
    for (Iterator<RegistryEvent> it = events.iterator(); it.hasNext() && newest.size() < limit; ) {
      newest.add(it.next());
    }
    return newest;
  }

  synchronized void record(RegistryEvent event) {
    events.addFirst(event);
    if (events.size() > capacity) {
      events.removeLast();
    }
  }
}
