package org.servicegrid.gateway.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;

/**
 * The client's request body as a streaming publisher for the forwarded request. The HTTP client pulls it
 * chunk by chunk while sending, so it is never held in memory; its length is kept when the client declared
 * one (the upstream sees {@code Content-Length}), otherwise it goes out chunked. Records whether sending it
 * began, because from then on it cannot be replayed to another instance.
 */
public final class RequestBody {

  /** Supplies the client's body stream; called at most once per attempt, when sending the body begins. */
  @FunctionalInterface
  public interface Source {
    InputStream open() throws IOException;
  }

  private final Source source;
  private final long contentLength;
  private final boolean chunked;
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

  /** A publisher for one attempt: no body, a body of the declared length, or a chunked one. */
  public BodyPublisher publisher() {
    if (contentLength == 0 || (contentLength < 0 && !chunked)) {
      return BodyPublishers.noBody();
    }
    BodyPublisher stream = BodyPublishers.ofInputStream(this::open);
    return contentLength > 0 ? BodyPublishers.fromPublisher(stream, contentLength) : stream;
  }

  /** True once the body began to be read for an attempt; it cannot be sent again. */
  public boolean started() {
    return started;
  }

  private InputStream open() {
    started = true;
    try {
      return source.open();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
