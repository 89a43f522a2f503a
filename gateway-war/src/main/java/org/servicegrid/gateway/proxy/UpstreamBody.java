package org.servicegrid.gateway.proxy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Streams an upstream response body to the client as it arrives, never holding more than one chunk.
 *
 * <p>The HTTP client pushes chunks on its executor; the request thread pulls them from a queue and asks for
 * the next only after writing the current one, so a slow client slows the upstream down instead of filling
 * memory. Pulling with a bounded wait gives the read (idle) timeout the JDK client lacks once headers have
 * arrived. The output is flushed whenever no further chunk is already waiting, so a trickling upstream
 * reaches the client promptly while a fast one is written in large blocks.
 */
public final class UpstreamBody implements Flow.Subscriber<List<ByteBuffer>> {

  private static final Object END = new Object();
  private static final int COPY_BUFFER_BYTES = 16 * 1024;

  private final BlockingQueue<Object> signals = new LinkedBlockingQueue<>();
  private volatile Flow.Subscription subscription;

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    subscription.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> chunk) {
    signals.add(chunk);
  }

  @Override
  public void onError(Throwable failure) {
    signals.add(failure);
  }

  @Override
  public void onComplete() {
    signals.add(END);
  }

  /**
   * Copies the whole body to {@code out}.
   *
   * @return the number of bytes copied
   * @throws UpstreamBodyException when the upstream failed or stayed silent for {@code idleTimeout}
   * @throws IOException when writing to the client failed (the upstream transfer is cancelled)
   */
  public long transferTo(OutputStream out, Duration idleTimeout) throws IOException {
    byte[] copy = new byte[COPY_BUFFER_BYTES];
    long total = 0;
    try {
      while (true) {
        Object signal = signals.poll(idleTimeout.toNanos(), TimeUnit.NANOSECONDS);
        if (signal == END) {
          return total;
        }
        if (signal == null) {
          throw UpstreamBodyException.silentFor(idleTimeout);
        }
        if (signal instanceof Throwable failure) {
          throw UpstreamBodyException.failed(failure);
        }
        total += write(castChunk(signal), out, copy);
        if (signals.isEmpty()) {
          out.flush();
        }
        subscription.request(1);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancel();
      throw new InterruptedIOException("interrupted while streaming the upstream body");
    } catch (IOException | RuntimeException e) {
      cancel();
      throw e;
    }
  }

  /** Stops the upstream transfer; the client closes the connection rather than pooling it. */
  public void cancel() {
    Flow.Subscription current = subscription;
    if (current != null) {
      current.cancel();
    }
  }

  private static long write(List<ByteBuffer> chunk, OutputStream out, byte[] copy) throws IOException {
    long written = 0;
    for (ByteBuffer buffer : chunk) {
      // The client's buffers may be read-only (no backing array), so copy through one reusable array.
      while (buffer.hasRemaining()) {
        int n = Math.min(buffer.remaining(), copy.length);
        buffer.get(copy, 0, n);
        out.write(copy, 0, n);
        written += n;
      }
    }
    return written;
  }

  @SuppressWarnings("unchecked")
  private static List<ByteBuffer> castChunk(Object signal) {
    return (List<ByteBuffer>) signal;
  }
}
