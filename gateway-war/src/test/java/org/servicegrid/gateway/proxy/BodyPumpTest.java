package org.servicegrid.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30) // a pump that waits for demand forever must fail the test, not hang the build
class BodyPumpTest {

  private final CompletableFuture<Void> exchange = new CompletableFuture<>();

  @Test
  void feedsTheBodyOnlyAsFastAsTheHttpClientAsksForIt() throws Exception {
    byte[] content = new byte[40_000];
    content[39_999] = 7;
    RequestBody body = new RequestBody(() -> new ByteArrayInputStream(content), content.length, false);
    BodyPump pump = (BodyPump) body.publisher();
    RecordingSubscriber client = new RecordingSubscriber();
    pump.subscribe(client);

    CompletableFuture<Void> pumping = CompletableFuture.runAsync(() -> pumpQuietly(pump));
    await().atMost(Duration.ofSeconds(20)).until(() -> client.chunks.size() == 1);
    assertThat(pumping).isNotDone(); // waits for demand instead of reading ahead
    client.subscription.request(Long.MAX_VALUE);
    pumping.get(20, TimeUnit.SECONDS);

    assertThat(client.completed).isTrue();
    assertThat(client.bytes()).hasSize(40_000).endsWith(7);
    assertThat(body.started()).isTrue();
  }

  @Test
  void stopsWhenTheExchangeEndsBeforeTheBodyIsSent() throws Exception {
    RequestBody body = new RequestBody(() -> new ByteArrayInputStream(new byte[100]), 100, false);
    BodyPump pump = (BodyPump) body.publisher();
    pump.subscribe(new RecordingSubscriber(0));

    CompletableFuture<Void> pumping = CompletableFuture.runAsync(() -> pumpQuietly(pump));
    exchange.complete(null);

    pumping.get(20, TimeUnit.SECONDS);
    assertThat(body.started()).isFalse();
  }

  @Test
  void failsTheExchangeAndReportsTheClientWhenTheBodyCannotBeRead() {
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("connection reset by client");
      }
    };
    BodyPump pump = (BodyPump) new RequestBody(() -> broken, -1, true).publisher();
    RecordingSubscriber client = new RecordingSubscriber();
    pump.subscribe(client);

    assertThatThrownBy(() -> pump.pump(exchange)).isInstanceOf(ClientBodyException.class)
        .hasMessageContaining("connection reset by client");
    assertThat(client.failure).isInstanceOf(IOException.class);
  }

  @Test
  void refusesToSendABodyAgainOnceReadingBegan() throws Exception {
    RequestBody body = new RequestBody(() -> new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8)),
        3, false);
    BodyPump pump = (BodyPump) body.publisher();
    pump.subscribe(new RecordingSubscriber(Long.MAX_VALUE));
    pump.pump(exchange);
    RecordingSubscriber retry = new RecordingSubscriber();

    pump.subscribe(retry);

    assertThat(retry.failure).hasMessageContaining("cannot be sent twice");
  }

  private void pumpQuietly(BodyPump pump) {
    try {
      pump.pump(exchange);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stands in for the HTTP client: asks for {@code initialDemand} chunks, records what it gets. */
  private static final class RecordingSubscriber implements Flow.Subscriber<ByteBuffer> {
    final List<ByteBuffer> chunks = new CopyOnWriteArrayList<>();
    final long initialDemand;
    volatile Flow.Subscription subscription;
    volatile boolean completed;
    volatile Throwable failure;

    RecordingSubscriber() {
      this(1);
    }

    RecordingSubscriber(long initialDemand) {
      this.initialDemand = initialDemand;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      if (initialDemand > 0) {
        subscription.request(initialDemand);
      }
    }

    @Override
    public void onNext(ByteBuffer item) {
      chunks.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
      failure = throwable;
    }

    @Override
    public void onComplete() {
      completed = true;
    }

    byte[] bytes() {
      int size = chunks.stream().mapToInt(ByteBuffer::remaining).sum();
      ByteBuffer all = ByteBuffer.allocate(size);
      chunks.forEach(chunk -> all.put(chunk.duplicate()));
      return all.array();
    }
  }
}
