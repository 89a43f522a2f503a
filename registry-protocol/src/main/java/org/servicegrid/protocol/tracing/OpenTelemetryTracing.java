package org.servicegrid.protocol.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tracing that is on: the spans of requests answered in servlet filters (Liberty traces only what
 * reaches a servlet or JAX-RS) and of calls made with clients Liberty does not instrument, and the
 * trace headers they carry. Loaded only where the application sees the OpenTelemetry API, through
 * {@link Tracing#spans()}; code that must also run without the API names this class only behind
 * {@link Tracing#enabled()}.
 *
 * <p>Whether Liberty's SDK is on ({@code OTEL_SDK_DISABLED=false}) is learnt once, from the tracer
 * itself: a disabled SDK hands out a tracer whose spans have no valid context, whichever
 * configuration source disabled it. Then there is no instance of this class, and callers skip every
 * span and header, so that tracing costs nothing when off.
 */
public final class OpenTelemetryTracing {

  private static final Logger LOG = Logger.getLogger(OpenTelemetryTracing.class.getName());

  private final Tracer tracer;
  private final TextMapPropagator propagator;

  private OpenTelemetryTracing(OpenTelemetry openTelemetry, String scope) {
    this.tracer = openTelemetry.getTracer(scope);
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
  }

  /**
   * Tracing through {@code openTelemetry} under the instrumentation scope {@code scope}: on when
   * its SDK is, else off.
   */
  public static Tracing of(OpenTelemetry openTelemetry, String scope) {
    Span probe = openTelemetry.getTracer(scope).spanBuilder("probe").setNoParent().startSpan();
    boolean enabled = probe.getSpanContext().isValid();
    // Never ended, so never exported: a span that is not ended is simply dropped.
    return enabled ? Tracing.on(new OpenTelemetryTracing(openTelemetry, scope)) : Tracing.off();
  }

  /**
   * Tracing through Liberty's OpenTelemetry of the calling application, looked up through CDI; off
   * when there is none.
   */
  static Tracing lookUp(String scope) {
    OpenTelemetry openTelemetry;
    try {
      openTelemetry = CDI.current().select(OpenTelemetry.class).get();
    } catch (RuntimeException e) { // no CDI container, or no OpenTelemetry bean in it
      LOG.log(Level.WARNING, "Tracing is off: no OpenTelemetry to trace with ({0})", e.toString());
      return Tracing.off();
    }
    return of(openTelemetry, scope);
  }

  /**
   * Makes a context current that is traced but not recorded, for a background chore that would
   * otherwise be a trace of its own every period (the gateway's catalogue refresh, the registry's
   * heart-beat probes): spans started in it, Liberty's included, are not recorded, and the calls
   * made in it carry a {@code traceparent} whose sampled flag is off, so that parent-based samplers
   * (the default) do not record the callee's spans either. Close the scope when the chore ends.
   */
  static TraceScope unrecorded() {
    Scope scope = TraceParent.resume(TraceParent.unsampled());
    return scope::close;
  }

  public Tracer tracer() {
    return tracer;
  }

  /**
   * The trace context a request carries ({@code traceparent}, {@code tracestate}), or the root
   * context when it carries none or a malformed one: a bad header starts a new trace, it never
   * fails the request.
   */
  public Context extract(HttpServletRequest request) {
    return propagator.extract(Context.root(), request, RequestHeaders.INSTANCE);
  }

  /**
   * Writes the trace headers of {@code span}, a child of {@code parent}, into an outgoing request.
   */
  public <C> void inject(Context parent, Span span, C carrier, TextMapSetter<C> setter) {
    propagator.inject(parent.with(span), carrier, setter);
  }

  /** The root context with {@code span} in it: the parent of the spans {@code span} leads to. */
  public Context contextOf(Span span) {
    return Context.root().with(span);
  }

  /**
   * Starts the SERVER span of a request answered by a servlet filter, a child of {@code parent},
   * named like Liberty's own ({@code GET /route}) with the HTTP semantic-convention attributes.
   */
  public Span startServerSpan(Context parent, HttpServletRequest request, String route) {
    String method = request.getMethod();
    Span span =
        tracer
            .spanBuilder(method + " " + route)
            .setParent(parent)
            .setSpanKind(SpanKind.SERVER)
            .startSpan();
    if (span.isRecording()) { // a sampled-out span would drop them: not worth building
      span.setAttribute(TraceAttributes.HTTP_REQUEST_METHOD, method);
      span.setAttribute(TraceAttributes.HTTP_ROUTE, route);
      span.setAttribute(TraceAttributes.URL_PATH, request.getRequestURI());
      span.setAttribute(TraceAttributes.URL_SCHEME, request.getScheme());
      span.setAttribute(TraceAttributes.SERVER_PORT, (long) request.getLocalPort());
      span.setAttribute(TraceAttributes.CLIENT_ADDRESS, request.getRemoteAddr());
    }
    return span;
  }

  /**
   * Starts a CLIENT span for an HTTP call made with a client Liberty does not trace ({@code
   * scheme://host:port/path}), a child of {@code parent}, with the HTTP semantic-convention
   * attributes when it is recorded.
   */
  public Span startClientSpan(
      Context parent,
      String method,
      String scheme,
      String host,
      int port,
      String path,
      String service) {
    Span span =
        tracer.spanBuilder(method).setParent(parent).setSpanKind(SpanKind.CLIENT).startSpan();
    if (span.isRecording()) {
      span.setAttribute(TraceAttributes.HTTP_REQUEST_METHOD, method);
      span.setAttribute(TraceAttributes.SERVER_ADDRESS, host);
      span.setAttribute(TraceAttributes.SERVER_PORT, (long) port);
      span.setAttribute(TraceAttributes.URL_FULL, scheme + "://" + host + ":" + port + path);
      span.setAttribute(TraceAttributes.SERVICE, service);
    }
    return span;
  }

  /** Ends a CLIENT span with the status the call was answered with (a 5xx marks it failed). */
  public static void endClientSpan(Span span, int status) {
    span.setAttribute(TraceAttributes.HTTP_RESPONSE_STATUS_CODE, (long) status);
    if (status >= 500) {
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
  }

  /**
   * Ends a SERVER span with the status sent: a 5xx marks it failed, a 4xx does not (the client's
   * fault, as the semantic conventions say for servers).
   */
  public static void endServerSpan(Span span, int status) {
    span.setAttribute(TraceAttributes.HTTP_RESPONSE_STATUS_CODE, (long) status);
    if (status >= 500) {
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
  }

  /** Reads trace headers from a servlet request. */
  private enum RequestHeaders implements TextMapGetter<HttpServletRequest> {
    INSTANCE;

    @Override
    public Iterable<String> keys(HttpServletRequest request) {
      return Collections.list(request.getHeaderNames());
    }

    @Override
    public String get(HttpServletRequest request, String key) {
      return request == null ? null : request.getHeader(key);
    }
  }
}
