package org.servicegrid.registry.cluster;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.map.listener.EntryMergedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.servicegrid.protocol.InstanceId;
import org.servicegrid.protocol.InstanceStatus;

/**
 * The instances an operator took out of service, in a Hazelcast map of their own beside the
 * registrations (same key, one synchronous backup, so a node's death loses none): what a new
 * registration of such an instance starts with, so a drained instance that restarts or registers
 * again stays drained until someone sets it UP. Registration records carry the status too; this map
 * only outlives them. An entry whose instance left expires after the retention, and lives on again
 * while the instance is registered.
 *
 * <p>Every registration asks for its instance's override, and almost none has one: so each node
 * keeps a copy of the map (filled at start, kept by the map's events and by this node's own changes
 * at once, read again when members left or merged) and asks the map only when its copy names the
 * instance, to confirm. A registration therefore makes no cluster call for this; one landing
 * through another node within the event's few milliseconds after the instance was taken out of
 * service starts UP, as it could before when it landed just ahead of the status change. A removal
 * seen late never drops a newer override: it removes only the value it removed.
 */
public final class StatusOverrides {

  private final IMap<String, String> map;
  private final Map<String, String> copy = new ConcurrentHashMap<>();

  public StatusOverrides(HazelcastInstance hazelcast, String mapName) {
    this.map = hazelcast.getMap(mapName);
    map.addEntryListener(new Copier(), true); // before reading: nothing added meanwhile is missed
    reload();
  }

  /** The status a registration of {@code id} gets now. */
  public InstanceStatus statusOf(InstanceId id) {
    String key = RegistrationRecord.key(id);
    return copy.containsKey(key) && map.containsKey(key)
        ? InstanceStatus.OUT_OF_SERVICE
        : InstanceStatus.UP;
  }

  /**
   * Reads the whole map again: events of members that left (or of the other side of a split) may
   * not have reached this node.
   */
  void reload() {
    Map<String, String> now = new HashMap<>();
    map.entrySet().forEach(entry -> now.put(entry.getKey(), entry.getValue()));
    copy.putAll(now);
    copy.keySet().retainAll(now.keySet());
  }

  /** Sets {@code id}'s override: kept (without expiry) when out of service, dropped when UP. */
  public void set(InstanceId id, InstanceStatus status, String by, Instant at) {
    String key = RegistrationRecord.key(id);
    if (status == InstanceStatus.UP) {
      map.delete(key);
      copy.remove(key);
    } else {
      String value = status.name() + "\t" + by + "\t" + at;
      map.set(key, value);
      copy.put(key, value);
    }
  }

  /** {@code id} is registered: its override, if any, no longer expires. */
  public void keep(InstanceId id) {
    String key = RegistrationRecord.key(id);
    String value = map.get(key);
    if (value != null) {
      map.set(key, value); // the map's default: no expiry
    }
  }

  /** {@code id} left the table: its override, if any, expires after {@code retention}. */
  public void retainFor(InstanceId id, Duration retention) {
    map.setTtl(
        RegistrationRecord.key(id), Math.max(1, retention.toMillis()), TimeUnit.MILLISECONDS);
  }

  /** How many instances are out of service, registered or not. */
  public int size() {
    return map.size();
  }

  /** Runs on Hazelcast's event threads: only updates the copy. */
  private final class Copier
      implements EntryAddedListener<String, String>,
          EntryUpdatedListener<String, String>,
          EntryRemovedListener<String, String>,
          EntryExpiredListener<String, String>,
          EntryMergedListener<String, String> {

    @Override
    public void entryAdded(EntryEvent<String, String> event) {
      copy.put(event.getKey(), event.getValue());
    }

    @Override
    public void entryUpdated(EntryEvent<String, String> event) {
      copy.put(event.getKey(), event.getValue());
    }

    @Override
    public void entryMerged(EntryEvent<String, String> event) {
      copy.put(event.getKey(), event.getValue());
    }

    @Override
    public void entryRemoved(EntryEvent<String, String> event) {
      gone(event);
    }

    @Override
    public void entryExpired(EntryEvent<String, String> event) {
      gone(event);
    }

    private void gone(EntryEvent<String, String> event) {
      String value = ChangeFeed.removedValue(event);
      if (value != null) {
        copy.remove(event.getKey(), value);
      }
    }
  }
}
