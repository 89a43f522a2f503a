package org.servicegrid.gateway.proxy;

import java.util.Set;

/**
 * Decides whether a failed attempt is tried again on another instance: only after failures that
 * allow it ({@link UpstreamFailure#retryable}), only while its body has not started streaming (a
 * streamed body cannot be replayed), and at most {@code gateway.retries} times. A request the
 * instance certainly never received (no connection) is sent again whatever its method, as nginx
 * does: an instance that is stopping or gone then costs the client nothing. Otherwise only the
 * methods RFC 9110 defines as idempotent are sent again.
 */
public final class RetryPolicy {

  /**
   * The idempotent methods of RFC 9110 section 9.2.2 the gateway retries ({@code TRACE} is not
   * forwarded usefully).
   */
  static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");

  private final int retries;

  public RetryPolicy(int retries) {
    this.retries = retries;
  }

  /**
   * @param method the request method
   * @param attempt the failed attempt, 0 for the first
   * @param failure how it failed
   * @param bodyStarted whether the request body was already being read for that attempt
   */
  public boolean shouldRetry(
      String method, int attempt, UpstreamFailure failure, boolean bodyStarted) {
    return attempt < retries
        && failure.retryable()
        && !bodyStarted
        && (failure.unreached() || IDEMPOTENT.contains(method));
  }
}
