package org.servicegrid.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UpstreamBodyTest {

  private static final Duration GENEROUS = Duration.ofSeconds(20);

  private final UpstreamBody body = new UpstreamBody();
  private final RecordingSubscription subscription = new RecordingSubscription();

  @BeforeEach
  void subscribe() {
    body.onSubscribe(subscription);
  }

  @Test
  void copiesEveryChunkInOrderIncludingReadOnlyBuffers() throws Exception {
    body.onNext(List.of(bytes("hello "), bytes("streamed ").asReadOnlyBuffer()));
    body.onNext(List.of(ByteBuffer.wrap(new byte[40_000])));
    body.onNext(List.of(bytes("world")));
    body.onComplete();
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    long copied = body.transferTo(out, GENEROUS);

    assertThat(copied).isEqualTo(6 + 9 + 40_000 + 5);
    assertThat(new String(out.toByteArray(), 0, 15, StandardCharsets.US_ASCII)).isEqualTo("hello streamed ");
    assertThat(new String(out.toByteArray(), 40_015, 5, StandardCharsets.US_ASCII)).isEqualTo("world");
  }

  @Test
  void asksForOneChunkAtATimeSoASlowClientSlowsTheUpstream() throws Exception {
    assertThat(subscription.requested.get()).isEqualTo(1);
    body.onNext(List.of(bytes("a")));
    body.onNext(List.of(bytes("b")));
    body.onComplete();

    body.transferTo(new ByteArrayOutputStream(), GENEROUS);

    assertThat(subscription.requested.get()).isEqualTo(3);
  }

  @Test
  void deliversTheFirstChunkToTheClientBeforeTheUpstreamFinishes() throws Exception {
    FlushRecordingStream out = new FlushRecordingStream();
    CompletableFuture<Long> transfer = CompletableFuture.supplyAsync(() -> copy(out));

    body.onNext(List.of(bytes("first")));
    await().atMost(GENEROUS).until(() -> out.flushedText().equals("first"));
    body.onNext(List.of(bytes(" second")));
    body.onComplete();

    assertThat(transfer.get(20, TimeUnit.SECONDS)).isEqualTo(12);
    assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("first second");
  }

  @Test
  void failsAndCancelsTheUpstreamWhenItStaysSilentTooLong() {
    body.onNext(List.of(bytes("partial")));

    assertThatThrownBy(() -> body.transferTo(new ByteArrayOutputStream(), Duration.ofMillis(50)))
        .isInstanceOfSatisfying(UpstreamBodyException.class, e -> assertThat(e.timedOut()).isTrue());
    assertThat(subscription.cancelled).isTrue();
  }

  @Test
  void reportsAnUpstreamFailureAsAnUpstreamBodyException() {
    body.onNext(List.of(bytes("partial")));
    body.onError(new IOException("connection reset"));

    assertThatThrownBy(() -> body.transferTo(new ByteArrayOutputStream(), GENEROUS))
        .isInstanceOfSatisfying(UpstreamBodyException.class, e -> assertThat(e.timedOut()).isFalse())
        .hasMessageContaining("connection reset");
  }

  @Test
  void cancelsTheUpstreamWhenTheClientGoesAway() {
    body.onNext(List.of(bytes("data")));
    OutputStream gone = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("Broken pipe");
      }
    };

    assertThatThrownBy(() -> body.transferTo(gone, GENEROUS))
        .isInstanceOf(IOException.class).isNotInstanceOf(UpstreamBodyException.class);
    assertThat(subscription.cancelled).isTrue();
  }

  private static ByteBuffer bytes(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
  }

  private long copy(OutputStream out) {
    try {
      return body.transferTo(out, GENEROUS);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class RecordingSubscription implements Flow.Subscription {
    final AtomicLong requested = new AtomicLong();
    final AtomicBoolean cancelled = new AtomicBoolean();

    @Override
    public void request(long n) {
      requested.addAndGet(n);
    }

    @Override
    public void cancel() {
      cancelled.set(true);
    }
  }

  /** Remembers what had been flushed, i.e. what a client would already have received. */
  private static final class FlushRecordingStream extends ByteArrayOutputStream {
    private volatile String flushed = "";

    @Override
    public synchronized void flush() {
      flushed = toString(StandardCharsets.US_ASCII);
    }

    String flushedText() {
      return flushed;
    }
  }
}
