package org.servicegrid.visit;

/** Where a group of visit numbers is recorded before the visits count; the production one is {@link LogSender}. */
@FunctionalInterface
public interface VisitLog {

  /**
   * Records the numbers {@code first} .. {@code first + count - 1} all together or not at all; returns once
   * they are recorded, throws {@link VisitNotCountedException} when none of them was.
   */
  void record(long first, int count);
}
