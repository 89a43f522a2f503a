package org.servicegrid.gateway.proxy;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands an upstream response to the client: status, end-to-end headers and the body as a stream.
 *
 * <p>A failure while streaming can no longer change the status once the response is committed. If the
 * upstream broke off, the exception is rethrown so the container aborts the connection and the client sees
 * a truncated transfer rather than a short body that looks complete. If the client went away, there is
 * nobody to tell: the upstream transfer is cancelled and the request ends quietly.
 */
final class ResponseRelay {

  private static final Logger LOG = Logger.getLogger(ResponseRelay.class.getName());

  private ResponseRelay() {}

  /** Returns the status the client got: the upstream's, or 502/504 if the body failed before commit. */
  static int relay(HttpResponse<Flow.Publisher<List<ByteBuffer>>> upstream, HttpServletResponse response,
      Duration readTimeout) throws IOException {
    response.setStatus(upstream.statusCode());
    copyHeaders(HopByHopHeaders.strip(upstream.headers().map()), response);
    UpstreamBody body = new UpstreamBody();
    upstream.body().subscribe(body);
    try {
      body.transferTo(response.getOutputStream(), readTimeout);
      return upstream.statusCode();
    } catch (UpstreamBodyException e) {
      LOG.log(Level.WARNING, "Upstream {0} broke off its response: {1}",
          new Object[] {upstream.uri(), e.getMessage()});
      if (response.isCommitted()) {
        throw e;
      }
      response.reset();
      int status = e.timedOut() ? 504 : 502;
      ErrorWriter.write(response, status, e.timedOut() ? "upstream stopped sending its response" : e.getMessage());
      return status;
    } catch (IOException e) {
      LOG.log(Level.FINE, "Client went away while receiving {0}: {1}", new Object[] {upstream.uri(), e});
      return upstream.statusCode();
    }
  }

  private static void copyHeaders(Map<String, List<String>> headers, HttpServletResponse response) {
    headers.forEach((name, values) -> {
      if (name.equalsIgnoreCase("content-length")) {
        // Passed on so the client gets a sized response instead of a chunked one.
        values.stream().findFirst().ifPresent(length -> response.setContentLengthLong(Long.parseLong(length)));
      } else {
        values.forEach(value -> response.addHeader(name, value));
      }
    });
  }
}
