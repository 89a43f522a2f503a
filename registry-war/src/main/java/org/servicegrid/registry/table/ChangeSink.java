package org.servicegrid.registry.table;

import java.util.Collection;

/**
 * Where the table hands the notices for its dependents. The table calls it while holding its write
 * lock, so the order of the notices per dependent is exactly the order of the changes;
 * implementations therefore only queue (no I/O, no blocking) and return the work that starts the
 * deliveries, which the table runs once the lock is released.
 */
public interface ChangeSink {

  /**
   * Queues {@code change} for every dependent address, in call order.
   *
   * @return the work that starts the deliveries; the caller runs it after releasing its lock
   */
  Runnable enqueue(Change change, Collection<String> dependentAddresses);

  /** No registered instance serves at {@code address} any more: drop its pending notices. */
  void forget(String address);
}
