package org.servicegrid.visit;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import java.util.ArrayList;
import java.util.List;
import org.servicegrid.protocol.tracing.TraceAttributes;
import org.servicegrid.protocol.tracing.Tracing;

/**
 * The span of one group's count transaction and log call ({@code count visits}): a child of the
 * group's first visit (its leader, on whose thread it runs), linked to the group's other visits and
 * listing their trace ids (Zipkin shows no links), with the group's size. The log batch is sent
 * inside it, so the batch's CLIENT span and the log server's span follow as its children, and each
 * of the other visits' spans names the trace that wrote its line ({@code
 * servicegrid.log.trace_id}).
 */
final class GroupTrace {

  private GroupTrace() {}

  /** The started span, or null when tracing is off. */
  static Span start(Tracing tracing, List<Visit> group) {
    if (!tracing.enabled()) {
      return null;
    }
    if (!Span.current().getSpanContext().isSampled()) {
      // Its first visit is not recorded, so neither is the group's span (parent-based sampling):
      // a span, for the log call's context, but no links or lists for nobody to see.
      return tracing.spans().tracer().spanBuilder("count visits").startSpan();
    }
    SpanBuilder builder =
        tracing
            .spans()
            .tracer()
            .spanBuilder("count visits")
            .setAttribute(TraceAttributes.VISIT_GROUP_SIZE, (long) group.size());
    List<String> others = new ArrayList<>(group.size() - 1);
    for (int i = 1; i < group.size(); i++) {
      SpanContext visit = group.get(i).trace();
      if (visit != null && visit.isValid()) {
        builder.addLink(visit);
        if (visit.isSampled()) {
          others.add(visit.getTraceId());
        }
      }
    }
    if (!others.isEmpty()) {
      builder.setAttribute(TraceAttributes.LINKED_TRACE_IDS, others);
    }
    return builder.startSpan(); // the leader's visit span is current: it is the parent
  }

  /**
   * Ends the span, failed when the group was not counted, and tells the other visits which trace
   * wrote their lines.
   */
  static void end(Span span, List<Visit> group, RuntimeException failure) {
    if (span == null) {
      return;
    }
    if (failure != null) {
      span.setStatus(StatusCode.ERROR, failure.getMessage());
    } else if (span.getSpanContext().isSampled()) {
      String traceId = span.getSpanContext().getTraceId();
      for (int i = 1; i < group.size(); i++) {
        group.get(i).loggedBy(traceId);
      }
    }
    span.end();
  }
}
