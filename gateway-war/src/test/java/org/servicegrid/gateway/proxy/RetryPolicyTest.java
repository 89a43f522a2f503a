package org.servicegrid.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {

  private final RetryPolicy policy = new RetryPolicy(2);

  @ParameterizedTest
  @ValueSource(strings = {"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "POST", "PATCH", "PROPFIND"})
  void retriesAnyMethodThatCertainlyDidNotReachTheInstance(String method) {
    assertThat(policy.shouldRetry(method, 0, UpstreamFailure.REFUSED, false)).isTrue();
    assertThat(policy.shouldRetry(method, 0, UpstreamFailure.CONNECT_TIMEOUT, false)).isTrue();
  }

  /**
   * The instance may have received the request, but answered nothing: only an idempotent one goes
   * again.
   */
  @ParameterizedTest(name = "{0} after {1}: retried {2}")
  @CsvSource({
    "GET, CLOSED_WITHOUT_ANSWER, true",
    "GET, RESET_WITHOUT_ANSWER, true",
    "POST, CLOSED_WITHOUT_ANSWER, false",
    "POST, RESET_WITHOUT_ANSWER, false",
    "PATCH, CLOSED_WITHOUT_ANSWER, false",
    "PROPFIND, CLOSED_WITHOUT_ANSWER, false"
  })
  void retriesARequestWhoseConnectionEndedWithoutAnswerOnlyWhenItIsIdempotent(
      String method, UpstreamFailure failure, boolean retried) {
    assertThat(policy.shouldRetry(method, 0, failure, false)).isEqualTo(retried);
  }

  @ParameterizedTest(name = "{0} after {1}")
  @CsvSource({
    "GET, RESPONSE_TIMEOUT",
    "GET, BROKEN",
    "POST, RESPONSE_TIMEOUT",
    "PATCH, RESPONSE_TIMEOUT",
    "PROPFIND, RESPONSE_TIMEOUT"
  })
  void doesNotRetryWhenTheInstanceMayHaveStartedWorkingOnTheRequest(
      String method, UpstreamFailure failure) {
    assertThat(policy.shouldRetry(method, 0, failure, false)).isFalse();
  }

  @Test
  void doesNotRetryOnceTheBodyStartedStreaming() {
    assertThat(policy.shouldRetry("PUT", 0, UpstreamFailure.REFUSED, true)).isFalse();
  }

  @Test
  void stopsAfterTheConfiguredNumberOfRetries() {
    assertThat(policy.shouldRetry("GET", 1, UpstreamFailure.REFUSED, false)).isTrue();
    assertThat(policy.shouldRetry("GET", 2, UpstreamFailure.REFUSED, false)).isFalse();
    assertThat(new RetryPolicy(0).shouldRetry("GET", 0, UpstreamFailure.REFUSED, false)).isFalse();
  }
}
