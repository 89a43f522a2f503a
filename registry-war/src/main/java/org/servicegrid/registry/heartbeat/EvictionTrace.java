package org.servicegrid.registry.heartbeat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.function.BooleanSupplier;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.registry.table.Registration;

/**
 * An eviction as a trace of its own: a root INTERNAL span {@code evict <service>} naming the
 * instance and its failed heart-beats, with an {@code evicted} event once the table removed it. The
 * span is current while the table removes the instance, so the remove notices, which the change
 * carries its span to, are its children. It ends as soon as the removal is applied, before the
 * notices are delivered.
 */
final class EvictionTrace {

  /** Tracing off: evictions run as they are. */
  static final EvictionTrace OFF = new EvictionTrace(null);

  private final Tracer tracer;

  /**
   * @param tracer where the spans go; null for none
   */
  EvictionTrace(Tracer tracer) {
    this.tracer = tracer;
  }

  /**
   * Runs {@code eviction} of {@code registration}, which failed its heart-beats last with {@code
   * reason}, in its span; returns what it returned (false: not evicted, no longer current).
   */
  boolean evict(Registration registration, String reason, BooleanSupplier eviction) {
    if (tracer == null) {
      return eviction.getAsBoolean();
    }
    ServiceInfo info = registration.info();
    Span span =
        tracer
            .spanBuilder("evict " + info.name())
            .setNoParent()
            .setSpanKind(SpanKind.INTERNAL)
            .setAttribute("servicegrid.service.name", info.name())
            .setAttribute("servicegrid.instance.addr", info.addr())
            .setAttribute(
                "servicegrid.heartbeat.failures", (long) registration.consecutiveFailures())
            .setAttribute("servicegrid.heartbeat.last_failure", reason)
            .startSpan();
    try (Scope scope = span.makeCurrent()) {
      boolean evicted = eviction.getAsBoolean();
      if (evicted) {
        span.addEvent("evicted");
      }
      return evicted;
    } catch (RuntimeException e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR);
      throw e;
    } finally {
      span.end();
    }
  }
}
