package org.servicegrid.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.stream.Stream;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UpstreamFailureTest {

  @ParameterizedTest(
      name = "{0} is {1}: status {2}, certainly never reached the instance {3}, may be retried {4}")
  @MethodSource("failures")
  void classifiesWhatTheClientGetsAndWhetherTheInstanceWasReached(
      Throwable thrown,
      UpstreamFailure expected,
      int status,
      boolean unreached,
      boolean retryable) {
    UpstreamFailure failure = UpstreamFailure.of(thrown);

    assertThat(failure).isEqualTo(expected);
    assertThat(failure.status()).isEqualTo(status);
    assertThat(failure.unreached()).isEqualTo(unreached);
    assertThat(failure.retryable()).isEqualTo(retryable);
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        arguments(
            named(
                "a refused connection",
                new HttpHostConnectException(
                    "Connect to http://127.0.0.1:1 failed: Connection refused")),
            UpstreamFailure.REFUSED,
            502,
            true,
            true),
        arguments(
            named(
                "a connect timeout",
                new ConnectTimeoutException(
                    "Connect to http://127.0.0.1:1 failed: Connect timed out")),
            UpstreamFailure.CONNECT_TIMEOUT,
            504,
            true,
            true),
        arguments(
            named(
                "an address outside gateway.allowed-upstreams",
                new UpstreamNotAllowedException(
                    "upstream 127.0.0.2, which gateway.allowed-upstreams does not allow")),
            UpstreamFailure.NOT_ALLOWED,
            502,
            true,
            true),
        arguments(
            named("a name that does not resolve", new java.net.UnknownHostException("x.invalid")),
            UpstreamFailure.REFUSED,
            502,
            true,
            true),
        arguments(
            named("a response timeout", new SocketTimeoutException("Read timed out")),
            UpstreamFailure.RESPONSE_TIMEOUT,
            504,
            false,
            false),
        arguments(
            named(
                "a connection closed without answer",
                new NoHttpResponseException("127.0.0.1:1 failed to respond")),
            UpstreamFailure.CLOSED_WITHOUT_ANSWER,
            502,
            false,
            true),
        arguments(
            named("a connection reset before the answer", new SocketException("Connection reset")),
            UpstreamFailure.RESET_WITHOUT_ANSWER,
            502,
            false,
            true),
        arguments(
            named("a connection reset by peer", new SocketException("Connection reset by peer")),
            UpstreamFailure.RESET_WITHOUT_ANSWER,
            502,
            false,
            true),
        arguments(
            named("any other failure", new SocketException("Broken pipe")),
            UpstreamFailure.BROKEN,
            502,
            false,
            false),
        arguments(
            named(
                "no free pooled connection (the gateway's own overload)",
                new ConnectionRequestTimeoutException("Timeout deadline: 1000 MILLISECONDS")),
            UpstreamFailure.NO_FREE_CONNECTION,
            503,
            false,
            false));
  }
}
