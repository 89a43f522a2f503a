package org.servicegrid.registry.table;

import java.time.Instant;
import org.servicegrid.protocol.ServiceInfo;

/**
 * One change of the table, in the order the table applied it. Fired as a CDI event after the
 * table's lock is released (logs, metrics, event log) and handed to the {@link ChangeSink} while it
 * is held (notices). {@code traceParent} is the span the change was made in (a registration's
 * request, an eviction), empty for none: its notices are sent as children of it. {@code notice} is
 * what the dependents are told; {@code by} who set a status (empty for other changes).
 */
public record Change(
    Kind kind, ServiceInfo instance, Instant at, String traceParent, Notice notice, String by) {

  /** A change made in the span of {@code traceParent}, with the notice its kind implies. */
  public Change(Kind kind, ServiceInfo instance, Instant at, String traceParent) {
    this(kind, instance, at, traceParent, Notice.of(kind, instance), "");
  }

  /** A change made outside any trace. */
  public Change(Kind kind, ServiceInfo instance, Instant at) {
    this(kind, instance, at, "");
  }

  /** What happened to the instance. */
  public enum Kind {
    /** A new Name+Addr: dependents are told with a POST, unless it is out of service. */
    REGISTERED,
    /** A known Name+Addr registered again: its entry is replaced (a POST when its Meta changed). */
    REPLACED,
    /** The instance asked to leave: dependents are told with a DELETE. */
    DEREGISTERED,
    /** The instance stopped answering heart-beats: dependents are told with a DELETE. */
    EVICTED,
    /** An operator took the instance out of service: dependents are told with a DELETE. */
    OUT_OF_SERVICE,
    /** An operator put the instance back in service: dependents are told with a POST. */
    BACK_IN_SERVICE;

    /** True when the instance left the table. */
    public boolean isRemoval() {
      return this == DEREGISTERED || this == EVICTED;
    }
  }

  /** What the dependents of the instance are told of a change. */
  public enum Notice {
    /** {@code POST /services}: call it (again, with this ServiceInfo). */
    ADD,
    /** {@code DELETE /services}: call it no more. */
    REMOVE,
    /** Nothing. */
    NONE;

    /**
     * The notice of a change of {@code kind}: an instance out of service was never handed to the
     * dependents, so neither its registration nor its removal is theirs to hear.
     */
    static Notice of(Kind kind, ServiceInfo instance) {
      return switch (kind) {
        case REGISTERED -> instance.inService() ? ADD : NONE;
        case BACK_IN_SERVICE -> ADD;
        case DEREGISTERED, EVICTED -> instance.inService() ? REMOVE : NONE;
        case OUT_OF_SERVICE -> REMOVE;
        case REPLACED -> NONE;
      };
    }
  }
}
