package org.servicegrid.registry.table;

import java.time.Instant;
import org.servicegrid.protocol.ServiceInfo;

/**
 * One change of the table, in the order the table applied it. Fired as a CDI event after the
 * table's lock is released (logs, metrics, event log) and handed to the {@link ChangeSink} while it
 * is held (notices). {@code traceParent} is the span the change was made in (a registration's
 * request, an eviction), empty for none: its notices are sent as children of it.
 */
public record Change(Kind kind, ServiceInfo instance, Instant at, String traceParent) {

  /** A change made outside any trace. */
  public Change(Kind kind, ServiceInfo instance, Instant at) {
    this(kind, instance, at, "");
  }

  /** What happened to the instance. */
  public enum Kind {
    /** A new Name+Addr: dependents are told with a POST. */
    REGISTERED,
    /** A known Name+Addr registered again: its entry is replaced, dependents are not told. */
    REPLACED,
    /** The instance asked to leave: dependents are told with a DELETE. */
    DEREGISTERED,
    /** The instance stopped answering heart-beats: dependents are told with a DELETE. */
    EVICTED;

    /** True when the instance joined the set of live instances. */
    public boolean isAddition() {
      return this == REGISTERED;
    }

    /** True when the instance left the set of live instances. */
    public boolean isRemoval() {
      return this == DEREGISTERED || this == EVICTED;
    }
  }
}
