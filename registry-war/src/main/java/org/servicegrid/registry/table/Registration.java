package org.servicegrid.registry.table;

import java.time.Instant;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.registry.cluster.RegistrationRecord;

/**
 * One registration of an instance, with the heart-beat bookkeeping that belongs to it. Every POST
 * creates a new Registration (on every node of the cluster, from its shared record), and the table
 * compares registrations by identity locally and by the record's token in the cluster: a heart-beat
 * check that started on an earlier registration of the same Name+Addr can therefore never evict the
 * one that replaced it.
 *
 * <p>The heart-beat fields are written only by the one check in flight for this registration (the
 * monitor never runs two at once) and read by the operations endpoints, so {@code volatile} is
 * enough. Whether it is current is written by the table under its write lock and read without a
 * lock by the heart-beat checks, which ask for every registration of every round.
 */
public final class Registration {

  private final RegistrationRecord record;
  private final ServiceInfo info;
  private final Instant registeredSince;
  private volatile Instant lastHeartBeat;
  private volatile int consecutiveFailures;
  private volatile boolean current;
  private final int addressPartition;

  /** A registration whose address is in cluster partition {@code addressPartition}. */
  Registration(RegistrationRecord record, int addressPartition) {
    this.record = record;
    this.info = record.info();
    this.registeredSince = record.since();
    this.addressPartition = addressPartition;
  }

  /** The shared record this registration was made from. */
  public RegistrationRecord record() {
    return record;
  }

  public ServiceInfo info() {
    return info;
  }

  /**
   * The cluster partition of this registration's address, which decides the node that probes it;
   * computed once, as a round asks it of every registration.
   */
  int addressPartition() {
    return addressPartition;
  }

  public Instant registeredSince() {
    return registeredSince;
  }

  /**
   * True from its entry into the table until it is replaced or removed; never true again after
   * that.
   */
  public boolean isCurrent() {
    return current;
  }

  void enter() {
    current = true;
  }

  void leave() {
    current = false;
  }

  /** Takes over the heart-beat record of {@code previous}, which this one replaces. */
  void continueHeartBeats(Registration previous) {
    lastHeartBeat = previous.lastHeartBeat;
    consecutiveFailures = previous.consecutiveFailures;
  }

  /** The time of the last answered heart-beat, or null before the first one. */
  public Instant lastHeartBeat() {
    return lastHeartBeat;
  }

  public int consecutiveFailures() {
    return consecutiveFailures;
  }

  public InstanceState state() {
    return consecutiveFailures == 0 ? InstanceState.UP : InstanceState.FAILING;
  }

  /**
   * Records an answered heart-beat; returns true when the instance was failing before (a recovery).
   */
  public boolean heartBeatAnswered(Instant at) {
    boolean recovered = consecutiveFailures > 0;
    lastHeartBeat = at;
    consecutiveFailures = 0;
    return recovered;
  }

  /** Records a missed heart-beat and returns how many were missed in a row. */
  public int heartBeatMissed() {
    int failures = consecutiveFailures + 1;
    consecutiveFailures = failures;
    return failures;
  }

  @Override
  public String toString() {
    return info.id() + " (since " + registeredSince + ")";
  }
}
