package org.servicegrid.log;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
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
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicegrid.protocol.CallerHeader;
import org.servicegrid.protocol.InvalidRequestException;
import org.servicegrid.protocol.PayloadTooLargeException;
import org.servicegrid.protocol.servlet.ErrorWriter;
import org.servicegrid.protocol.tracing.OpenTelemetryTracing;
import org.servicegrid.protocol.tracing.Tracing;

/**
 * Serves the service's two appends in the servlet container, because dispatching them through
 * JAX-RS cost several times what appending does: {@code POST /log}, one message, and {@code POST
 * /log/batch}, a JSON array of messages written contiguously, all or none (the visit service
 * records a whole group of visits with one call). Other methods on {@code /log} go on to {@link
 * LogResource}; on {@code /log/batch} they answer 405. Errors as JSON: 400 for a bad message or
 * batch, 413 when too large, 415 for a batch that is not JSON, 503 when the file cannot be written;
 * nothing is written then. Documented in {@code META-INF/openapi.yaml}.
 */
@WebFilter(urlPatterns = {"/log", "/log/", "/log/batch"})
public class LogAppendFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(LogAppendFilter.class.getName());
  private static final String BATCH_PATH = "/log/batch";

  @Inject LogWriter writer;
  @Inject MessageLimitSettings limits;
  @Inject transient Tracing tracing;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    boolean batch = request.getRequestURI().equals(request.getContextPath() + BATCH_PATH);
    if (!"POST".equals(request.getMethod())) {
      if (batch) {
        ErrorWriter.methodNotAllowed(response, "POST");
      } else {
        chain.doFilter(request, response);
      }
      return;
    }
    if (batch && !isJson(request.getContentType())) {
      ErrorWriter.write(
          response,
          HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
          "a batch is a JSON array: Content-Type must be application/json");
      return;
    }
    if (!tracing.enabled()) {
      append(request, response, batch, null);
      return;
    }
    // Liberty traces only requests that reach a servlet: this one is answered here.
    OpenTelemetryTracing spans = tracing.spans();
    Span span = spans.startServerSpan(spans.extract(request), request, batch ? BATCH_PATH : "/log");
    SpanContext context = span.getSpanContext();
    int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    try (Scope scope = span.makeCurrent()) {
      status = append(request, response, batch, context.isSampled() ? context.getTraceId() : null);
    } finally {
      OpenTelemetryTracing.endServerSpan(span, status);
    }
  }

  /**
   * Appends the request's message or batch, with {@code traceId} if any; returns the status sent.
   */
  private int append(
      HttpServletRequest request, HttpServletResponse response, boolean batch, String traceId)
      throws IOException {
    try {
      String caller = CallerName.of(request.getHeader(CallerHeader.NAME));
      if (batch) {
        appendBatch(request, caller, traceId);
      } else {
        appendOne(request, caller, traceId);
      }
      response.setStatus(HttpServletResponse.SC_OK);
      response.setContentLength(0);
      return HttpServletResponse.SC_OK;
    } catch (PayloadTooLargeException | MessageTooLargeException e) {
      return error(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, e.getMessage());
    } catch (InvalidRequestException e) {
      return error(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
    } catch (LogFileUnavailableException e) {
      LOG.log(Level.WARNING, "Refused a log request: {0}", String.valueOf(e.getCause()));
      return error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, e.getMessage());
    }
  }

  private static int error(HttpServletResponse response, int status, String message)
      throws IOException {
    ErrorWriter.write(response, status, message);
    return status;
  }

  private void appendOne(HttpServletRequest request, String caller, String traceId)
      throws IOException {
    byte[] message =
        BodyReader.read(
            request.getInputStream(), request.getContentLengthLong(), limits.messageMaxBytes());
    if (message.length == 0) {
      throw new InvalidRequestException("message is empty");
    }
    writer.appendAll(caller, traceId, List.of(new String(message, StandardCharsets.UTF_8)));
  }

  private void appendBatch(HttpServletRequest request, String caller, String traceId)
      throws IOException {
    byte[] json =
        BodyReader.read(
            request.getInputStream(), request.getContentLengthLong(), limits.batchMaxBytes());
    writer.appendAll(caller, traceId, MessageBatch.parse(json, limits.messageMaxBytes()));
  }

  private static boolean isJson(String contentType) {
    return contentType != null
        && contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].trim().equals("application/json");
  }
}
