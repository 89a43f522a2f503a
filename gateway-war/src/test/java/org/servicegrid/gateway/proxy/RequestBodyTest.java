package org.servicegrid.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestBodyTest {

  private static final RequestBody.Source NEVER_READ = () -> {
    throw new AssertionError("the body must not be read just to build a request");
  };

  @Test
  void sendsNoBodyWhenTheClientDeclaredNone() {
    assertThat(new RequestBody(NEVER_READ, -1, false).publisher().contentLength()).isZero();
    assertThat(new RequestBody(NEVER_READ, 0, false).publisher().contentLength()).isZero();
  }

  @Test
  void keepsTheDeclaredLength() {
    assertThat(new RequestBody(NEVER_READ, 11, false).publisher()).isInstanceOf(BodyPump.class);
    assertThat(new RequestBody(NEVER_READ, 11, false).publisher().contentLength()).isEqualTo(11);
  }

  @Test
  void streamsAChunkedBodyWithoutALength() {
    assertThat(new RequestBody(NEVER_READ, -1, true).publisher().contentLength()).isEqualTo(-1);
  }

  @Test
  void isNotStartedUntilReadingBegins() {
    RequestBody body = new RequestBody(NEVER_READ, 11, false);
    body.publisher();

    assertThat(body.started()).isFalse();
  }
}
