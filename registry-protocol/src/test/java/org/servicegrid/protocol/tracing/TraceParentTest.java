package org.servicegrid.protocol.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TraceParentTest {

  private static final String SAMPLED = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @Test
  void aResumedTraceParentIsTheCurrentSpanUntilItsScopeCloses() {
    try (Scope scope = TraceParent.resume(SAMPLED)) {
      SpanContext current = Span.current().getSpanContext();
      assertThat(current.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
      assertThat(current.getSpanId()).isEqualTo("00f067aa0ba902b7");
      assertThat(current.isSampled()).isTrue();
      assertThat(current.isRemote()).isTrue();
      assertThat(TraceParent.current()).isEqualTo(SAMPLED);
    }
    assertThat(TraceParent.current()).isEqualTo(TraceParent.NONE);
  }

  @Test
  void noneOrAMalformedTraceParentLeavesTheContextAlone() {
    for (String bad :
        new String[] {
          TraceParent.NONE,
          "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
          "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
          "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7"
        }) {
      try (Scope scope = TraceParent.resume(bad)) {
        assertThat(Span.current().getSpanContext().isValid()).as(bad).isFalse();
      }
    }
  }

  @Test
  void unsampledTraceParentsAreValidRandomAndNotSampled() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String traceParent = TraceParent.unsampled();
      assertThat(traceParent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00");
      try (Scope scope = TraceParent.resume(traceParent)) {
        SpanContext parent = Span.current().getSpanContext();
        assertThat(parent.isValid()).as(traceParent).isTrue();
        assertThat(parent.isSampled()).as(traceParent).isFalse();
      }
      seen.add(traceParent.substring(3, 35));
    }
    assertThat(seen).as("distinct trace ids").hasSize(1000);
  }
}
