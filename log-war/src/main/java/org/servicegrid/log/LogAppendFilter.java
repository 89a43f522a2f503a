package org.servicegrid.log;

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
import org.servicegrid.protocol.CallerHeader;
import org.servicegrid.protocol.InvalidRequestException;
import org.servicegrid.protocol.PayloadTooLargeException;
import org.servicegrid.protocol.servlet.ErrorWriter;

/**
 * Serves {@code POST /log}, the service's hot path, in the servlet container: dispatching it through JAX-RS
 * cost several times what appending the line does. Every other method on {@code /log} goes on to
 * {@link LogResource}. Answers as the JAX-RS mappers would: 400/413 for a bad message, 503 when the file
 * cannot be written, each with {@code {"error": "..."}}. Documented in {@code META-INF/openapi.yaml}.
 */
@WebFilter(urlPatterns = {"/log", "/log/"})
public class LogAppendFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(LogAppendFilter.class.getName());

  @Inject LogWriter writer;
  @Inject LogConfig.Limits limits;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!"POST".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    try {
      String caller = CallerName.of(request.getHeader(CallerHeader.NAME));
      byte[] message = BodyReader.read(request.getInputStream(), request.getContentLengthLong(),
          limits.messageMaxBytes());
      if (message.length == 0) {
        throw new InvalidRequestException("message is empty");
      }
      writer.append(caller, new String(message, StandardCharsets.UTF_8));
      response.setStatus(HttpServletResponse.SC_OK);
      response.setContentLength(0);
    } catch (PayloadTooLargeException e) {
      ErrorWriter.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, e.getMessage());
    } catch (InvalidRequestException e) {
      ErrorWriter.write(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
    } catch (LogFileUnavailableException e) {
      LOG.log(Level.WARNING, "Refused a log request: {0}", String.valueOf(e.getCause()));
      ErrorWriter.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, e.getMessage());
    }
  }

}
