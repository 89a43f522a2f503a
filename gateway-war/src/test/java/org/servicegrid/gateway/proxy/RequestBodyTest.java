package org.servicegrid.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestBodyTest {

  private static final RequestBody.Source NEVER_READ = () -> {
    throw new AssertionError("a request without a body must not be read");
  };

  @Test
  void sendsNoBodyWhenTheClientDeclaredNone() {
    RequestBody body = new RequestBody(NEVER_READ, -1, false);

    assertThat(body.publisher().contentLength()).isZero();
    assertThat(new RequestBody(NEVER_READ, 0, false).publisher().contentLength()).isZero();
  }

  @Test
  void keepsTheDeclaredLength() {
    assertThat(new RequestBody(NEVER_READ, 11, false).publisher().contentLength()).isEqualTo(11);
  }

  @Test
  void streamsAChunkedBodyWithoutALength() {
    assertThat(new RequestBody(NEVER_READ, -1, true).publisher().contentLength()).isEqualTo(-1);
  }

  @Test
  void isMarkedStartedOnlyOnceSendingTheBodyBegins() throws Exception {
    byte[] content = "hello, body".getBytes(StandardCharsets.UTF_8);
    RequestBody body = new RequestBody(() -> new ByteArrayInputStream(content), content.length, false);
    var publisher = body.publisher();
    assertThat(body.started()).isFalse();

    assertThat(drain(publisher)).isEqualTo("hello, body");
    assertThat(body.started()).isTrue();
  }

  private static String drain(Flow.Publisher<ByteBuffer> publisher) throws Exception {
    CompletableFuture<String> done = new CompletableFuture<>();
    StringBuilder text = new StringBuilder();
    publisher.subscribe(new Flow.Subscriber<>() {
      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(ByteBuffer item) {
        text.append(StandardCharsets.UTF_8.decode(item));
      }

      @Override
      public void onError(Throwable throwable) {
        done.completeExceptionally(throwable);
      }

      @Override
      public void onComplete() {
        done.complete(text.toString());
      }
    });
    return done.get(20, TimeUnit.SECONDS);
  }
}
