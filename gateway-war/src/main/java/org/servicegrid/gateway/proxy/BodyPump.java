package org.servicegrid.gateway.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * The client's request body as the publisher of one forwarded attempt, fed by the request thread.
 *
 * <p>The HTTP client asks for body chunks from its selector thread. Reading the client's body there would
 * block every other upstream connection behind one slow uploader, so {@link #pump} runs on the request
 * thread (which otherwise only waits for the response): it reads a chunk whenever the HTTP client has asked
 * for one and hands it over. Only the demand bookkeeping is under the monitor; reads and hand-overs are not.
 */
final class BodyPump implements HttpRequest.BodyPublisher {

  private static final int CHUNK_BYTES = 16 * 1024;
  private static final Flow.Subscription NO_DEMAND = new Flow.Subscription() {
    @Override
    public void request(long n) {}

    @Override
    public void cancel() {}
  };

  private final RequestBody body;
  private final long contentLength;
  private final Object lock = new Object();
  private Flow.Subscriber<? super ByteBuffer> subscriber; // guarded by lock
  private long demand; // guarded by lock
  private boolean cancelled; // guarded by lock

  BodyPump(RequestBody body, long contentLength) {
    this.body = body;
    this.contentLength = contentLength;
  }

  @Override
  public long contentLength() {
    return contentLength;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ByteBuffer> next) {
    boolean replay;
    synchronized (lock) {
      replay = subscriber != null && body.started();
      if (!replay) {
        subscriber = next;
        demand = 0;
        cancelled = false;
        lock.notifyAll();
      }
    }
    if (replay) {
      // The HTTP client retrying on its own: what was read is gone, so the body cannot be sent again.
      next.onSubscribe(NO_DEMAND);
      next.onError(new IOException("the request body cannot be sent twice"));
      return;
    }
    next.onSubscribe(new Flow.Subscription() {
      @Override
      public void request(long n) {
        synchronized (lock) {
          demand = n <= 0 || demand + n < 0 ? Long.MAX_VALUE : demand + n;
          lock.notifyAll();
        }
      }

      @Override
      public void cancel() {
        synchronized (lock) {
          cancelled = true;
          lock.notifyAll();
        }
      }
    });
  }

  /**
   * Feeds the body to the HTTP client until it is all sent, or the exchange ended without needing the rest
   * (failed, timed out, or the upstream answered early). Bounded by the exchange: its timeout ends it.
   *
   * @throws ClientBodyException when reading the client's body failed (the exchange is then failed too)
   */
  void pump(CompletableFuture<?> exchange) throws ClientBodyException, InterruptedException {
    exchange.whenComplete((response, failure) -> {
      synchronized (lock) {
        lock.notifyAll();
      }
    });
    byte[] chunk = new byte[(int) Math.min(CHUNK_BYTES, contentLength > 0 ? contentLength : CHUNK_BYTES)];
    while (true) {
      Flow.Subscriber<? super ByteBuffer> target;
      synchronized (lock) {
        while ((subscriber == null || demand == 0) && !cancelled && !exchange.isDone()) {
          lock.wait();
        }
        if (cancelled || exchange.isDone()) {
          return;
        }
        demand--;
        target = subscriber;
      }
      int n;
      try {
        InputStream in = body.open();
        n = in.read(chunk);
      } catch (IOException e) {
        target.onError(e);
        throw new ClientBodyException(e);
      }
      if (n < 0) {
        target.onComplete();
        return;
      }
      target.onNext(ByteBuffer.wrap(Arrays.copyOf(chunk, n))); // the client may keep the buffer: hand over a copy
    }
  }
}
