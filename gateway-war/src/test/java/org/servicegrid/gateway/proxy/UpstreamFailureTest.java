package org.servicegrid.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.api.Test;

class UpstreamFailureTest {

  @Test
  void aRefusedConnectionIsABadGatewayThatMayBeTriedElsewhere() {
    // The JDK client wraps the refusal: ConnectException (no message) caused by a ConnectException.
    IOException thrown = (IOException) new ConnectException().initCause(new ConnectException("Connection refused"));

    UpstreamFailure failure = UpstreamFailure.of(thrown);

    assertThat(failure).isEqualTo(UpstreamFailure.REFUSED);
    assertThat(failure.status()).isEqualTo(502);
    assertThat(failure.unreached()).isTrue();
  }

  @Test
  void aConnectTimeoutIsAGatewayTimeoutThatMayBeTriedElsewhere() {
    UpstreamFailure failure = UpstreamFailure.of(new HttpConnectTimeoutException("HTTP connect timed out"));

    assertThat(failure).isEqualTo(UpstreamFailure.CONNECT_TIMEOUT);
    assertThat(failure.status()).isEqualTo(504);
    assertThat(failure.unreached()).isTrue();
  }

  @Test
  void aResponseTimeoutIsAGatewayTimeoutThatMayHaveReachedTheInstance() {
    UpstreamFailure failure = UpstreamFailure.of(new HttpTimeoutException("request timed out"));

    assertThat(failure).isEqualTo(UpstreamFailure.RESPONSE_TIMEOUT);
    assertThat(failure.status()).isEqualTo(504);
    assertThat(failure.unreached()).isFalse();
  }

  @Test
  void anyOtherFailureIsABadGatewayThatMayHaveReachedTheInstance() {
    UpstreamFailure failure = UpstreamFailure.of(new IOException("HTTP/1.1 header parser received no bytes"));

    assertThat(failure).isEqualTo(UpstreamFailure.BROKEN);
    assertThat(failure.status()).isEqualTo(502);
    assertThat(failure.unreached()).isFalse();
  }
}
