package org.servicegrid.gateway.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;

/**
 * The client's request body, forwarded as a stream: never held in memory, its declared length kept (the
 * upstream sees {@code Content-Length}), otherwise sent chunked. Each attempt gets its own
 * {@link BodyPump}; the stream itself can be read only once, so the body records whether reading began,
 * after which it cannot be sent to another instance.
 */
public final class RequestBody {

  /** Supplies the client's body stream; called at most once, when sending the body begins. */
  @FunctionalInterface
  public interface Source {
    InputStream open() throws IOException;
  }

  private final Source source;
  private final long contentLength;
  private final boolean chunked;
  private InputStream stream; // only touched by the request thread, in BodyPump.pump
  private volatile boolean started;

  /**
   * @param contentLength the declared length, or -1 when none was declared
   * @param chunked       whether the client sent the body with chunked transfer coding
   */
  public RequestBody(Source source, long contentLength, boolean chunked) {
    this.source = source;
    this.contentLength = contentLength;
    this.chunked = chunked;
  }

  /** True when there is a body to send (a declared length above zero, or chunked coding). */
  public boolean present() {
    return contentLength > 0 || (contentLength < 0 && chunked);
  }

  /** The publisher of one attempt: no body, or a pump of the declared length (-1: chunked). */
  public BodyPublisher publisher() {
    return present() ? new BodyPump(this, contentLength) : BodyPublishers.noBody();
  }

  /** True once the body began to be read; it cannot be sent again. */
  public boolean started() {
    return started;
  }

  InputStream open() throws IOException {
    if (stream == null) {
      started = true;
      stream = source.open();
    }
    return stream;
  }
}
