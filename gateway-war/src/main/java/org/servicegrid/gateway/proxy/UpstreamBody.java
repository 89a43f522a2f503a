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
 * reaches the client promptly, while the buffers of each chunk are coalesced into writes of up to 32 KiB.
 */
public final class UpstreamBody implements Flow.Subscriber<List<ByteBuffer>> {

  private static final Object END = new Object();
  private static final int COPY_BUFFER_BYTES = 32 * 1024;

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
    byte[] copy = new byte[0];
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
        List<ByteBuffer> chunk = castChunk(signal);
        // Sized to the data actually seen, so a small response does not pay for a 32 KiB array.
        int wanted = (int) Math.min(COPY_BUFFER_BYTES, remaining(chunk));
        if (copy.length < wanted) {
          copy = new byte[wanted];
        }
        total += write(chunk, out, copy);
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

  /** Copies a chunk's buffers through one array, so small buffers go out as one large write. */
  private static long write(List<ByteBuffer> chunk, OutputStream out, byte[] copy) throws IOException {
    long written = 0;
    int filled = 0;
    for (ByteBuffer buffer : chunk) {
      // The client's buffers are read-only (no accessible array), so they are copied in any case.
      while (buffer.hasRemaining()) {
        int n = Math.min(buffer.remaining(), copy.length - filled);
        buffer.get(copy, filled, n);
        filled += n;
        if (filled == copy.length) {
          out.write(copy, 0, filled);
          written += filled;
          filled = 0;
        }
      }
    }
    if (filled > 0) {
      out.write(copy, 0, filled);
      written += filled;
    }
    return written;
  }

  private static long remaining(List<ByteBuffer> chunk) {
    long remaining = 0;
    for (ByteBuffer buffer : chunk) {
      remaining += buffer.remaining();
    }
    return remaining;
  }

  @SuppressWarnings("unchecked")
  private static List<ByteBuffer> castChunk(Object signal) {
    return (List<ByteBuffer>) signal;
  }
}
