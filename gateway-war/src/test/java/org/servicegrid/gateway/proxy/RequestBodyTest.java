package org.servicegrid.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestBodyTest {

  private static final RequestBody.Source NEVER_READ = () -> {
    throw new AssertionError("the body must not be read just to build a request");
  };

  @Test
  void sendsNoBodyWhenTheClientDeclaredNone() {
    assertThat(new RequestBody(NEVER_READ, -1, false).entity()).isNull();
  }

  @Test
  void keepsTheDeclaredLengthIncludingZero() {
    assertThat(new RequestBody(NEVER_READ, 11, false).entity().getContentLength()).isEqualTo(11);
    assertThat(new RequestBody(NEVER_READ, 0, false).entity().getContentLength()).isZero();
  }

  @Test
  void streamsAChunkedBodyWithoutALength() {
    assertThat(new RequestBody(NEVER_READ, -1, true).entity().getContentLength()).isEqualTo(-1);
  }

  @Test
  void isNotStartedUntilReadingBegins() throws Exception {
    RequestBody body = new RequestBody(() -> stream("hello"), 5, false);
    body.entity();

    assertThat(body.started()).isFalse();

    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    body.entity().writeTo(sent);

    assertThat(body.started()).isTrue();
    assertThat(sent.toString(StandardCharsets.UTF_8)).isEqualTo("hello");
  }

  @Test
  void marksAFailureToReadTheClientsBodyAsTheClients() {
    RequestBody body = new RequestBody(() -> new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("client went away");
      }
    }, -1, true);

    assertThatThrownBy(() -> body.entity().writeTo(new ByteArrayOutputStream()))
        .isInstanceOf(ClientBodyException.class).hasMessageContaining("client went away");
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
