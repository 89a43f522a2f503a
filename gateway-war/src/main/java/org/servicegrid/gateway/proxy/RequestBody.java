package org.servicegrid.gateway.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * The client's request body, forwarded as a stream: never held in memory, its declared length kept
 * (the upstream sees {@code Content-Length}), otherwise sent chunked, and each block passed on as
 * soon as it was read (the HTTP client would otherwise keep a trickling body back in its buffers
 * until they fill). The stream can be read only once, so the body records whether reading began,
 * after which it cannot be sent to another instance; a failure to read it is the client's ({@link
 * ClientBodyException}), not the upstream's. The bytes read are counted: past the service's limit,
 * reading fails with {@link BodyTooLargeException}, which aborts the upstream request, so a chunked
 * upload (whose size nobody declared) is cut off as soon as it is too large, never collected first.
 */
public final class RequestBody {

  /** Supplies the client's body stream; called at most once, when sending the body begins. */
  @FunctionalInterface
  public interface Source {
    InputStream open() throws IOException;
  }

  private static final int MAX_BLOCK_BYTES = 16 * 1024;

  private final Source source;
  private final long contentLength;
  private final boolean chunked;
  private final long maxBytes;
  private InputStream stream; // only touched by the request thread
  private boolean started;
  private long read;

  /**
   * @param contentLength the declared length, or -1 when none was declared
   * @param chunked whether the client sent the body with chunked transfer coding
   * @param maxBytes the most bytes that may be read; one more fails with {@link
   *     BodyTooLargeException}
   */
  public RequestBody(Source source, long contentLength, boolean chunked, long maxBytes) {
    this.source = source;
    this.contentLength = contentLength;
    this.chunked = chunked;
    this.maxBytes = maxBytes;
  }

  /**
   * The entity of one attempt: none when the client declared no body, else the client's stream with
   * its declared length (0 included, so a {@code Content-Length: 0} is passed on) or, when chunked,
   * no length.
   *
   * @param exchange the attempt's upstream request, cancelled when the client's body fails or grows
   *     too large
   */
  public HttpEntity entity(Cancellable exchange) {
    return contentLength >= 0 || chunked ? new ClientEntity(exchange) : null;
  }

  /** True once the body began to be read; it cannot be sent again. */
  public boolean started() {
    return started;
  }

  private InputStream open() throws IOException {
    if (stream == null) {
      started = true;
      stream = source.open();
    }
    return stream;
  }

  /**
   * The client's body as the HTTP client sends it: written block by block, each flushed at once.
   */
  private final class ClientEntity extends AbstractHttpEntity {

    private final Cancellable exchange;

    ClientEntity(Cancellable exchange) {
      super((String) null, null, contentLength < 0);
      this.exchange = exchange;
    }

    @Override
    public long getContentLength() {
      return contentLength;
    }

    @Override
    public InputStream getContent() {
      return new ClientStream();
    }

    @Override
    public boolean isStreaming() {
      return true;
    }

    /**
     * Writes the body block by block. When the client's side fails, the upstream connection is cut
     * first: the HTTP client closes the body's stream even after a failure, and for a chunked body
     * that writes the last chunk, so the upstream would take the part it got for the whole request.
     */
    @Override
    public void writeTo(OutputStream out) throws IOException {
      try {
        copy(out);
      } catch (ClientBodyException | BodyTooLargeException e) {
        exchange.cancel();
        throw e;
      }
    }

    private void copy(OutputStream out) throws IOException {
      InputStream in = new ClientStream();
      long remaining = contentLength < 0 ? Long.MAX_VALUE : contentLength;
      byte[] block = new byte[(int) Math.min(MAX_BLOCK_BYTES, Math.max(1, remaining))];
      while (remaining > 0) {
        int n = in.read(block, 0, (int) Math.min(block.length, remaining));
        if (n < 0) {
          return;
        }
        out.write(block, 0, n);
        out.flush();
        remaining -= n;
      }
    }

    @Override
    public void close() {
      // Nothing of its own to release: the container owns the client's stream.
    }
  }

  /** Counts what was read, failing once it passes the limit. */
  private int counted(int n) throws BodyTooLargeException {
    if (n > 0) {
      read += n;
      if (read > maxBytes) {
        throw new BodyTooLargeException(maxBytes);
      }
    }
    return n;
  }

  /**
   * Opens the client's stream on the first read, marks its failures as the client's and counts the
   * bytes.
   */
  private final class ClientStream extends InputStream {

    @Override
    public int read() throws IOException {
      int b;
      try {
        b = open().read();
      } catch (IOException e) {
        throw new ClientBodyException(e);
      }
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n;
      try {
        n = open().read(buffer, offset, length);
      } catch (IOException e) {
        throw new ClientBodyException(e);
      }
      return counted(n);
    }

    @Override
    public void close() {
      // The container owns the client's stream; the HTTP client must not close it for us.
    }
  }
}
