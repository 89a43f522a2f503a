package org.servicegrid.gateway.proxy;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.servicegrid.protocol.servlet.ErrorWriter;

/**
 * Hands an upstream response to the client: status, end-to-end headers and the body as a stream,
 * each block written as soon as it was read, so neither side's body is ever held whole.
 *
 * <p>The container's response buffer is switched off: Open Liberty 26 keeps buffered bytes back
 * even when the output is flushed, so a body that trickles in would only reach the client at its
 * end.
 *
 * <p>A failure while streaming can no longer change the status once bytes went out, and an
 * exception thrown then makes Liberty append its error page to the body. So the relay just stops:
 * with a declared {@code Content-Length} the container closes the connection and the client sees
 * the body is short; a chunked body ends early, which the client cannot tell apart from a complete
 * one. The upstream connection is then dropped (cancelled), never returned to the pool half read.
 */
final class ResponseRelay {

  private static final Logger LOG = Logger.getLogger(ResponseRelay.class.getName());
  private static final int MAX_BLOCK_BYTES = 16 * 1024;

  private ResponseRelay() {}

  /**
   * Relays the response and returns the status the client got: the upstream's, or 502/504 if its
   * body failed before any byte went out. A body read to its end returns the connection to the
   * pool.
   *
   * @param exchange the upstream request: cancelling it drops the connection; its text names it in
   *     logs
   */
  static int relay(ClassicHttpResponse upstream, Cancellable exchange, HttpServletResponse response)
      throws IOException {
    int status = upstream.getCode();
    response.setStatus(status);
    copyHeaders(upstream.getHeaders(), response);
    HttpEntity entity = upstream.getEntity();
    if (entity == null) {
      return status; // HEAD, 204, 304: no body
    }
    response.setBufferSize(0);
    InputStream in = entity.getContent();
    OutputStream out = response.getOutputStream();
    long length = entity.getContentLength();
    // Sized to the body when it is small, so a short response does not pay for a large array.
    byte[] block =
        new byte
            [(int) (length < 0 ? MAX_BLOCK_BYTES : Math.max(1, Math.min(length, MAX_BLOCK_BYTES)))];
    while (true) {
      int n;
      try {
        n = in.read(block);
      } catch (IOException e) {
        exchange.cancel();
        return upstreamFailed(e, status, response, exchange);
      }
      if (n < 0) {
        return status;
      }
      try {
        out.write(block, 0, n);
      } catch (IOException e) {
        exchange.cancel();
        LOG.log(
            Level.FINE, "Client went away while receiving {0}: {1}", new Object[] {exchange, e});
        return status;
      }
    }
  }

  private static int upstreamFailed(
      IOException e, int status, HttpServletResponse response, Object target) throws IOException {
    boolean timedOut = e instanceof SocketTimeoutException;
    LOG.log(
        Level.WARNING,
        "Upstream {0} broke off its response: {1}",
        new Object[] {target, timedOut ? "no data within gateway.read-timeout" : e.toString()});
    if (response.isCommitted()) {
      return status;
    }
    response.reset();
    int failed = timedOut ? 504 : 502;
    ErrorWriter.write(
        response,
        failed,
        timedOut
            ? "upstream stopped sending its response"
            : "upstream body failed: " + e.getMessage());
    return failed;
  }

  private static void copyHeaders(Header[] headers, HttpServletResponse response) {
    List<String> connection = new ArrayList<>(1);
    for (Header header : headers) {
      if (header.getName().equalsIgnoreCase("connection")) {
        connection.add(header.getValue());
      }
    }
    Set<String> listed = HopByHopHeaders.listedIn(connection);
    for (Header header : headers) {
      String name = header.getName();
      if (HopByHopHeaders.isHopByHop(name, listed)) {
        continue;
      }
      if (name.equalsIgnoreCase("content-length")) {
        // Passed on so the client gets a sized response, and can tell when one was cut short.
        response.setContentLengthLong(Long.parseLong(header.getValue().trim()));
      } else {
        response.addHeader(name, header.getValue());
      }
    }
  }
}
