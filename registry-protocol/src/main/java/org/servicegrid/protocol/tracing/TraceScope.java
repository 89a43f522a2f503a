package org.servicegrid.protocol.tracing;

/**
 * A trace context made current until closed, as {@link Tracing} hands it out: an {@code
 * AutoCloseable} whose close throws nothing, and that names no OpenTelemetry type, so that code
 * which must run without the API can hold one.
 */
@FunctionalInterface
public interface TraceScope extends AutoCloseable {

  /** A scope that changed nothing. */
  TraceScope NONE = () -> {};

  @Override
  void close();
}
