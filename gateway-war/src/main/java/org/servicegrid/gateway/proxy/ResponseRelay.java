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
 * <p>The container's response buffer is switched off: Open Liberty 26 keeps buffered bytes back even when
 * the output is flushed, so a body that trickles in would only reach the client at its end. Without the
 * buffer every write goes out at once; {@link UpstreamBody} writes in large blocks, so a fast body does not
 * turn into many small writes.
 *
 * <p>A failure while streaming can no longer change the status once bytes went out, and an exception
 * thrown then makes Liberty append its error page to the body. So the relay just stops: with a declared
 * {@code Content-Length} the container closes the connection and the client sees the body is short; a
 * chunked body ends early, which the client cannot tell apart from a complete one.
 */
final class ResponseRelay {

  private static final Logger LOG = Logger.getLogger(ResponseRelay.class.getName());

  private ResponseRelay() {}

  /** Returns the status the client got: the upstream's, or 502/504 if the body failed before any byte went out. */
  static int relay(HttpResponse<Flow.Publisher<List<ByteBuffer>>> upstream, HttpServletResponse response,
      Duration readTimeout) throws IOException {
    response.setStatus(upstream.statusCode());
    copyHeaders(HopByHopHeaders.strip(upstream.headers().map()), response);
    response.setBufferSize(0);
    UpstreamBody body = new UpstreamBody();
    upstream.body().subscribe(body);
    try {
      body.transferTo(response.getOutputStream(), readTimeout);
      return upstream.statusCode();
    } catch (UpstreamBodyException e) {
      LOG.log(Level.WARNING, "Upstream {0} broke off its response: {1}",
          new Object[] {upstream.uri(), e.getMessage()});
      if (response.isCommitted()) {
        return upstream.statusCode();
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
        // Passed on so the client gets a sized response, and can tell when one was cut short.
        values.stream().findFirst().ifPresent(length -> response.setContentLengthLong(Long.parseLong(length)));
      } else {
        values.forEach(value -> response.addHeader(name, value));
      }
    });
  }
}
