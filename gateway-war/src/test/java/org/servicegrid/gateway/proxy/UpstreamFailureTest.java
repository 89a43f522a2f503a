package org.servicegrid.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketTimeoutException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;

class UpstreamFailureTest {

  @Test
  void aRefusedConnectionIsABadGatewayThatMayBeTriedElsewhere() {
    IOException thrown = new HttpHostConnectException("Connect to http://127.0.0.1:1 failed: Connection refused");

    UpstreamFailure failure = UpstreamFailure.of(thrown);

    assertThat(failure).isEqualTo(UpstreamFailure.REFUSED);
    assertThat(failure.status()).isEqualTo(502);
    assertThat(failure.unreached()).isTrue();
  }

  @Test
  void aConnectTimeoutIsAGatewayTimeoutThatMayBeTriedElsewhere() {
    UpstreamFailure failure = UpstreamFailure.of(
        new ConnectTimeoutException("Connect to http://127.0.0.1:1 failed: Connect timed out"));

    assertThat(failure).isEqualTo(UpstreamFailure.CONNECT_TIMEOUT);
    assertThat(failure.status()).isEqualTo(504);
    assertThat(failure.unreached()).isTrue();
  }

  @Test
  void aResponseTimeoutIsAGatewayTimeoutThatMayHaveReachedTheInstance() {
    UpstreamFailure failure = UpstreamFailure.of(new SocketTimeoutException("Read timed out"));

    assertThat(failure).isEqualTo(UpstreamFailure.RESPONSE_TIMEOUT);
    assertThat(failure.status()).isEqualTo(504);
    assertThat(failure.unreached()).isFalse();
  }

  @Test
  void aConnectionClosedWithoutAnswerIsABadGatewayThatAnIdempotentRequestMayRetry() {
    UpstreamFailure failure = UpstreamFailure.of(new NoHttpResponseException("127.0.0.1:1 failed to respond"));

    assertThat(failure).isEqualTo(UpstreamFailure.CLOSED_WITHOUT_ANSWER);
    assertThat(failure.status()).isEqualTo(502);
    assertThat(failure.unreached()).isFalse();
    assertThat(failure.retryable()).isTrue();
  }

  @Test
  void anyOtherFailureIsABadGatewayThatMayHaveReachedTheInstance() {
    UpstreamFailure failure = UpstreamFailure.of(new java.net.SocketException("Connection reset"));

    assertThat(failure).isEqualTo(UpstreamFailure.BROKEN);
    assertThat(failure.status()).isEqualTo(502);
    assertThat(failure.unreached()).isFalse();
    assertThat(failure.retryable()).isFalse();
  }

  @Test
  void noFreePooledConnectionIsTheGatewaysOwnOverloadAndNeverTheInstances() {
    UpstreamFailure failure = UpstreamFailure.of(new ConnectionRequestTimeoutException("Timeout deadline: 1000 MILLISECONDS"));

    assertThat(failure).isEqualTo(UpstreamFailure.NO_FREE_CONNECTION);
    assertThat(failure.status()).isEqualTo(503);
    assertThat(failure.unreached()).isFalse();
  }
}
