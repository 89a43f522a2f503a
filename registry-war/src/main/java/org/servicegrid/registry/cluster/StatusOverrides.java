package org.servicegrid.registry.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.time.Duration;
import java.time.Instant;
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
 */
public final class StatusOverrides {

  private final IMap<String, String> map;

  public StatusOverrides(HazelcastInstance hazelcast, String mapName) {
    this.map = hazelcast.getMap(mapName);
  }

  /** The status a registration of {@code id} gets now. */
  public InstanceStatus statusOf(InstanceId id) {
    return map.containsKey(RegistrationRecord.key(id))
        ? InstanceStatus.OUT_OF_SERVICE
        : InstanceStatus.UP;
  }

  /** Sets {@code id}'s override: kept (without expiry) when out of service, dropped when UP. */
  public void set(InstanceId id, InstanceStatus status, String by, Instant at) {
    String key = RegistrationRecord.key(id);
    if (status == InstanceStatus.UP) {
      map.delete(key);
    } else {
      map.set(key, status.name() + "\t" + by + "\t" + at);
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
}
