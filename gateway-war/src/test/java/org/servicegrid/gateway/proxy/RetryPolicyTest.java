package org.servicegrid.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy = new RetryPolicy(2);

  @ParameterizedTest
  @ValueSource(strings = {"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
  void retriesIdempotentMethodsWhenTheInstanceWasNotReached(String method) {
    assertThat(policy.shouldRetry(method, 0, UpstreamFailure.REFUSED, false)).isTrue();
    assertThat(policy.shouldRetry(method, 0, UpstreamFailure.CONNECT_TIMEOUT, false)).isTrue();
  }

  @Test
  void retriesAnIdempotentRequestWhoseConnectionEndedWithoutAnswer() {
    assertThat(policy.shouldRetry("GET", 0, UpstreamFailure.CLOSED_WITHOUT_ANSWER, false)).isTrue();
    assertThat(policy.shouldRetry("POST", 0, UpstreamFailure.CLOSED_WITHOUT_ANSWER, false)).isFalse();
    assertThat(policy.shouldRetry("GET", 0, UpstreamFailure.RESET_WITHOUT_ANSWER, false)).isTrue();
    assertThat(policy.shouldRetry("POST", 0, UpstreamFailure.RESET_WITHOUT_ANSWER, false)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PATCH", "PROPFIND"})
  void retriesAnyMethodThatCertainlyDidNotReachTheInstance(String method) {
    assertThat(policy.shouldRetry(method, 0, UpstreamFailure.REFUSED, false)).isTrue();
    assertThat(policy.shouldRetry(method, 0, UpstreamFailure.CONNECT_TIMEOUT, false)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PATCH", "PROPFIND"})
  void neverRetriesOtherMethodsOnceTheInstanceMayHaveReceivedThem(String method) {
    assertThat(policy.shouldRetry(method, 0, UpstreamFailure.CLOSED_WITHOUT_ANSWER, false)).isFalse();
    assertThat(policy.shouldRetry(method, 0, UpstreamFailure.RESPONSE_TIMEOUT, false)).isFalse();
  }

  @Test
  void doesNotRetryWhenTheRequestMayHaveReachedTheInstance() {
    assertThat(policy.shouldRetry("GET", 0, UpstreamFailure.RESPONSE_TIMEOUT, false)).isFalse();
    assertThat(policy.shouldRetry("GET", 0, UpstreamFailure.BROKEN, false)).isFalse();
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
