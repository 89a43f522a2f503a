package org.servicegrid.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.core5.concurrent.Cancellable;
import org.junit.jupiter.api.Test;

class RequestBodyTest {

  private static final Cancellable NOT_CANCELLED =
      () -> {
        throw new AssertionError("the exchange must not be cancelled");
      };

  private static final RequestBody.Source NEVER_READ =
      () -> {
        throw new AssertionError("the body must not be read just to build a request");
      };

  @Test
  void sendsNoBodyWhenTheClientDeclaredNone() {
    assertThat(new RequestBody(NEVER_READ, -1, false, Long.MAX_VALUE).entity(NOT_CANCELLED))
        .isNull();
  }

  @Test
  void keepsTheDeclaredLengthIncludingZero() {
    assertThat(
            new RequestBody(NEVER_READ, 11, false, Long.MAX_VALUE)
                .entity(NOT_CANCELLED)
                .getContentLength())
        .isEqualTo(11);
    assertThat(
            new RequestBody(NEVER_READ, 0, false, Long.MAX_VALUE)
                .entity(NOT_CANCELLED)
                .getContentLength())
        .isZero();
  }

  @Test
  void streamsAChunkedBodyWithoutALength() {
    assertThat(
            new RequestBody(NEVER_READ, -1, true, Long.MAX_VALUE)
                .entity(NOT_CANCELLED)
                .getContentLength())
        .isEqualTo(-1);
  }

  @Test
  void isNotStartedUntilReadingBegins() throws Exception {
    RequestBody body = new RequestBody(() -> stream("hello"), 5, false, Long.MAX_VALUE);
    body.entity(NOT_CANCELLED);

    assertThat(body.started()).isFalse();

    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    body.entity(NOT_CANCELLED).writeTo(sent);

    assertThat(body.started()).isTrue();
    assertThat(sent.toString(StandardCharsets.UTF_8)).isEqualTo("hello");
  }

  @Test
  void marksAFailureToReadTheClientsBodyAsTheClients() {
    RequestBody body =
        new RequestBody(
            () ->
                new InputStream() {
                  @Override
                  public int read() throws IOException {
                    throw new IOException("client went away");
                  }
                },
            -1,
            true,
            Long.MAX_VALUE);

    assertSendingFailsAndCancelsTheExchange(body, ClientBodyException.class, "client went away");
  }

  @Test
  void countsAChunkedBodyAndFailsOnceItPassesTheLimit() throws Exception {
    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    new RequestBody(() -> stream("12345"), -1, true, 5).entity(NOT_CANCELLED).writeTo(sent);
    assertThat(sent.toString(StandardCharsets.UTF_8)).isEqualTo("12345");

    RequestBody tooLarge = new RequestBody(() -> stream("123456"), -1, true, 5);
    assertSendingFailsAndCancelsTheExchange(
        tooLarge, BodyTooLargeException.class, "limit of 5 bytes");
  }

  @Test
  void countsBytesReadOneByOne() throws Exception {
    InputStream body =
        new RequestBody(() -> stream("abc"), -1, true, 2).entity(NOT_CANCELLED).getContent();

    assertThat(body.read()).isEqualTo('a');
    assertThat(body.read()).isEqualTo('b');
    assertThatThrownBy(body::read).isInstanceOf(BodyTooLargeException.class);
  }

  /**
   * The upstream exchange is cancelled, so that a chunked body is not ended as if it were complete.
   */
  private static void assertSendingFailsAndCancelsTheExchange(
      RequestBody body, Class<? extends Exception> failure, String message) {
    AtomicBoolean cancelled = new AtomicBoolean();

    assertThatThrownBy(
            () ->
                body.entity(() -> cancelled.compareAndSet(false, true))
                    .writeTo(new ByteArrayOutputStream()))
        .isInstanceOf(failure)
        .hasMessageContaining(message);
    assertThat(cancelled).as("upstream exchange cancelled").isTrue();
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
