package org.servicegrid.gateway.proxy;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.net.URIAuthority;
import org.servicegrid.gateway.catalog.Route;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.protocol.tracing.OpenTelemetryTracing;
import org.servicegrid.protocol.tracing.TraceAttributes;
import org.servicegrid.protocol.tracing.Tracing;

/**
 * The trace of one forwarded request: the gateway's SERVER span (route, service, the instance
 * chosen) and a CLIENT span per attempt, whose context goes upstream in {@code traceparent}. A
 * client's own {@code traceparent} is continued only when it is a trusted proxy ({@code
 * gateway.trusted-proxies}, the rule of the forwarding headers); anyone else's request starts a new
 * trace, so that no client can write into another's trace or pick the sampling decision. {@link
 * #OFF} does nothing, allocates nothing, when tracing is off.
 */
final class ForwardTrace {

  static final ForwardTrace OFF = new ForwardTrace(null, null);

  private final OpenTelemetryTracing spans;
  private final Span server;

  private ForwardTrace(OpenTelemetryTracing spans, Span server) {
    this.spans = spans;
    this.server = server;
  }

  static ForwardTrace start(
      Tracing tracing, boolean trustedClient, HttpServletRequest request, Route route) {
    if (!tracing.enabled()) {
      return OFF;
    }
    OpenTelemetryTracing spans = tracing.spans();
    Context parent = trustedClient ? spans.extract(request) : Context.root();
    Span server = spans.startServerSpan(parent, request, "/" + route.service() + "/*");
    server.setAttribute(TraceAttributes.SERVICE, route.service());
    return new ForwardTrace(spans, server);
  }

  /**
   * Starts the CLIENT span of attempt {@code attempt} (0 for the first) to {@code instance} and
   * puts its context into the outgoing request's headers.
   */
  Attempt attempt(ServiceInfo instance, HttpUriRequestBase outbound, int attempt) {
    if (server == null) {
      return Attempt.OFF;
    }
    server.setAttribute(TraceAttributes.INSTANCE, instance.addr());
    Context parent = spans.contextOf(server);
    URIAuthority upstream = outbound.getAuthority();
    Span client =
        spans.startClientSpan(
            parent,
            outbound.getMethod(),
            outbound.getScheme(),
            upstream.getHostName(),
            upstream.getPort(),
            outbound.getRequestUri(),
            instance.name());
    client.setAttribute(TraceAttributes.INSTANCE, instance.addr());
    if (attempt > 0) {
      client.setAttribute(TraceAttributes.HTTP_REQUEST_RESEND_COUNT, (long) attempt);
    }
    spans.inject(
        parent, client, outbound, (request, name, value) -> request.setHeader(name, value));
    return new Attempt(client);
  }

  /** Ends the SERVER span with the status the client was sent. */
  void end(int status) {
    if (server != null) {
      OpenTelemetryTracing.endServerSpan(server, status);
    }
  }

  /** One attempt's CLIENT span. */
  static final class Attempt {

    static final Attempt OFF = new Attempt(null);

    private final Span span;

    private Attempt(Span span) {
      this.span = span;
    }

    /** The instance answered {@code status} (a 5xx marks the attempt failed). */
    void answered(int status) {
      if (span != null) {
        OpenTelemetryTracing.endClientSpan(span, status);
      }
    }

    /** The instance could not be reached or did not answer in time. */
    void failed(UpstreamFailure failure, boolean retried) {
      if (span != null) {
        span.setAttribute(TraceAttributes.ERROR_TYPE, failure.name().toLowerCase(Locale.ROOT));
        span.setStatus(
            StatusCode.ERROR, failure.message() + (retried ? "; retried on another instance" : ""));
        span.end();
      }
    }
  }
}
