package org.servicegrid.registry.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.Partition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The cluster's registrations, one {@link RegistrationRecord} per instance in a Hazelcast map, and
 * what a node asks the cluster about them: who owns a key's partition, who is a member. Every write
 * runs on the key's owner and is stamped with the member that notifies the dependents of it: the
 * owner as this node sees it when writing, which all nodes then agree on whatever migrations happen
 * meanwhile.
 */
public final class SharedRegistrations {

  /** Address keys stand apart from the map's instance keys ({@code name@addr}). */
  private static final String ADDRESS_KEY_PREFIX = "address:";

  private final HazelcastInstance hazelcast;
  private final IMap<String, String> map;
  private final String localId;
  private final StatusOverrides statusOverrides;

  /** The registrations in map {@code mapName}, their status overrides in the map beside it. */
  public SharedRegistrations(HazelcastInstance hazelcast, String mapName) {
    this.hazelcast = hazelcast;
    this.map = hazelcast.getMap(mapName);
    this.statusOverrides = new StatusOverrides(hazelcast, mapName + ".status-overrides");
    this.localId = hazelcast.getCluster().getLocalMember().getUuid().toString();
  }

  /**
   * Writes {@code record} if the condition holds (see {@link RecordWrite}); true when it was
   * written.
   *
   * @param ttl the entry's time to live, zero for none
   */
  public boolean write(
      RegistrationRecord record, boolean requireLive, String requiredToken, Duration ttl) {
    Member owner = hazelcast.getPartitionService().getPartition(record.key()).getOwner();
    RegistrationRecord stamped =
        record.stamped(localId, owner == null ? localId : owner.getUuid().toString());
    return map.executeOnKey(
            record.key(), new RecordWrite(stamped, requireLive, requiredToken, ttl.toSeconds()))
        != null;
  }

  /** Every record in the map now: registrations and tombstones. */
  public List<RegistrationRecord> snapshot() {
    List<RegistrationRecord> records = new ArrayList<>();
    map.values().forEach(text -> records.add(RegistrationRecord.decode(text)));
    return records;
  }

  /** The instances taken out of service, which outlive their registrations. */
  public StatusOverrides statusOverrides() {
    return statusOverrides;
  }

  IMap<String, String> map() {
    return map;
  }

  HazelcastInstance hazelcast() {
    return hazelcast;
  }

  public String localMemberId() {
    return localId;
  }

  public boolean isMember(String memberId) {
    for (Member member : hazelcast.getCluster().getMembers()) {
      if (member.getUuid().toString().equals(memberId)) {
        return true;
      }
    }
    return false;
  }

  public int memberCount() {
    return hazelcast.getCluster().getMembers().size();
  }

  public boolean isRunning() {
    return hazelcast.getLifecycleService().isRunning();
  }

  /** True when this member owns the partition of {@code key} now; false while it has no owner. */
  public boolean ownsKey(String key) {
    Member owner = hazelcast.getPartitionService().getPartition(key).getOwner();
    return owner != null && owner.localMember();
  }

  /**
   * True when this member probes the instances at {@code addr} now: it owns the partition of the
   * address (not of an instance's key), so that the cluster asks each address once per period
   * whatever the services registered there. False while the partition has no owner.
   */
  public boolean ownsAddress(String addr) {
    return ownsKey(ADDRESS_KEY_PREFIX + addr);
  }

  /**
   * The partition whose owner probes the instances at {@code addr} (see {@link #ownsAddress}): the
   * same for the life of the cluster, whose partition count never changes.
   */
  public int addressPartition(String addr) {
    return hazelcast.getPartitionService().getPartition(ADDRESS_KEY_PREFIX + addr).getPartitionId();
  }

  /**
   * For each partition id, whether this member owns it now: {@link #ownsAddress} for many addresses
   * at once, with their {@link #addressPartition}.
   */
  public boolean[] ownedPartitions() {
    Set<Partition> partitions = hazelcast.getPartitionService().getPartitions();
    boolean[] owned = new boolean[partitions.size()];
    for (Partition partition : partitions) {
      Member owner = partition.getOwner();
      owned[partition.getPartitionId()] = owner != null && owner.localMember();
    }
    return owned;
  }

  /**
   * True when no partition is without owner or owned by one of {@code left}: their backups were
   * promoted.
   */
  boolean partitionsTakenOver(Set<UUID> left) {
    for (Partition partition : hazelcast.getPartitionService().getPartitions()) {
      Member owner = partition.getOwner();
      if (owner == null || left.contains(owner.getUuid())) {
        return false;
      }
    }
    return true;
  }
}
