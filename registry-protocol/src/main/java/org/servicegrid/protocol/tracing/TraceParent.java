package org.servicegrid.protocol.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.ThreadLocalRandom;

/**
 * W3C {@code traceparent} strings ({@code 00-<trace id>-<span id>-<flags>}): how a change carries
 * the span it was made in through the cluster's map to the thread, or node, that sends its notices,
 * and how a heart-beat probe tells the probed instance not to record it. Plain text, because the
 * map holds only text and because it is the form every tracer reads.
 */
public final class TraceParent {

  /** No trace: what a change made outside a span, or with tracing off, carries. */
  public static final String NONE = "";

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final int LENGTH = 55;

  private TraceParent() {}

  /** The current span as a traceparent, {@link #NONE} without a valid one. */
  public static String current() {
    SpanContext span = Span.current().getSpanContext();
    if (!span.isValid()) {
      return NONE;
    }
    return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
  }

  /**
   * Makes the span of {@code traceParent} the current parent until the scope is closed; a {@link
   * #NONE} or malformed one changes nothing.
   */
  public static Scope resume(String traceParent) {
    if (traceParent.length() != LENGTH || !traceParent.startsWith("00-")) {
      return Scope.noop();
    }
    SpanContext parent =
        SpanContext.createFromRemoteParent(
            traceParent.substring(3, 35),
            traceParent.substring(36, 52),
            TraceFlags.fromHex(traceParent, 53),
            TraceState.getDefault());
    return parent.isValid() ? Context.root().with(Span.wrap(parent)).makeCurrent() : Scope.noop();
  }

  /**
   * A traceparent of a random trace that is not sampled (flags {@code 00}): a parent-based sampler
   * at the receiver records nothing under it.
   */
  public static String unsampled() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] text = new char[LENGTH];
    text[0] = '0';
    text[1] = '0';
    text[2] = '-';
    hex(random.nextLong(), text, 3);
    hex(random.nextLong() | 1, text, 19); // never all zero, which is invalid
    text[35] = '-';
    hex(random.nextLong() | 1, text, 36);
    text[52] = '-';
    text[53] = '0';
    text[54] = '0';
    return new String(text);
  }

  private static void hex(long value, char[] into, int at) {
    for (int i = 15; i >= 0; i--) {
      into[at + i] = HEX[(int) (value & 0xf)];
      value >>>= 4;
    }
  }
}
