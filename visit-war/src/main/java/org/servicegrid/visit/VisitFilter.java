package org.servicegrid.visit;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicegrid.protocol.servlet.ErrorWriter;
import org.servicegrid.protocol.tracing.OpenTelemetryTracing;
import org.servicegrid.protocol.tracing.Tracing;

/**
 * Serves {@code GET /}, a visit, in the servlet container: dispatching it through JAX-RS cost the
 * visit server more CPU than counting it. Other methods on {@code /} answer 405; every other path
 * (the registry client library's {@code /services} and {@code /heart-beat}) goes on to JAX-RS.
 * Mapped to every path and matched here, because Liberty does not apply a filter mapped to the
 * context root alone ({@code ""}) to it. A visit that was not counted answers 503 with {@code
 * {"error": "..."}}. Documented in {@code META-INF/openapi.yaml}.
 */
@WebFilter(urlPatterns = "/*")
public class VisitFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(VisitFilter.class.getName());

  @Inject VisitService visits;
  @Inject transient Tracing tracing;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!request.getRequestURI().equals(request.getContextPath() + "/")) {
      chain.doFilter(request, response);
      return;
    }
    if (!"GET".equals(request.getMethod())) {
      ErrorWriter.methodNotAllowed(response, "GET");
      return;
    }
    if (!tracing.enabled()) {
      visit(response);
      return;
    }
    // Liberty traces only requests that reach a servlet: this one is answered here.
    OpenTelemetryTracing spans = tracing.spans();
    Span span = spans.startServerSpan(spans.extract(request), request, "/");
    int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    try (Scope scope = span.makeCurrent()) {
      status = visit(response);
    } finally {
      OpenTelemetryTracing.endServerSpan(span, status);
    }
  }

  /** Counts the visit and answers its number; returns the status sent. */
  private int visit(HttpServletResponse response) throws IOException {
    long number;
    try {
      number = visits.visit();
    } catch (VisitNotCountedException e) {
      ErrorWriter.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, e.getMessage());
      return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Unexpected failure while counting a visit", e);
      ErrorWriter.write(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "internal error");
      return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
    byte[] body = Long.toString(number).getBytes(StandardCharsets.US_ASCII);
    response.setContentType("text/plain");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    return HttpServletResponse.SC_OK;
  }
}
