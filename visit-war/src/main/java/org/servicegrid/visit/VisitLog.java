package org.servicegrid.visit;

/** Where a visit's number is recorded before it counts; the production one is {@link LogSender}. */
@FunctionalInterface
public interface VisitLog {

  /** Returns once the number is recorded; throws {@link VisitNotCountedException} when it could not be. */
  void record(long visit);
}
