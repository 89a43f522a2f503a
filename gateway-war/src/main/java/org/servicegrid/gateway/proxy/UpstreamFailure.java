package org.servicegrid.gateway.proxy;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * Why a forwarded request got no response, and what that means for the client and for the instance.
 * Only a failure to connect proves the request never reached the instance, so only that marks the
 * instance failed. Another attempt is allowed after that, and after a connection that ended without
 * a byte of answer, closed (the instance had closed it while it sat in the pool) or reset (the
 * instance died, e.g. killed, with the request unread or in progress): no answer at all, and the
 * request is idempotent, so it may be sent again. A timeout may still be followed by the instance's
 * answer, and a broken answer is one.
 */
public enum UpstreamFailure {

  /**
   * The instance's address is outside gateway.allowed-upstreams (its name may resolve elsewhere
   * now): nothing was sent, another instance may be tried, and the answer says which address.
   */
  NOT_ALLOWED(502, true, true, "upstream address is not allowed"),
  /** Connection refused or the address did not resolve: the instance is gone. */
  REFUSED(502, true, true, "upstream refused the connection"),
  /** No TCP connection within gateway.connect-timeout: the instance is unreachable. */
  CONNECT_TIMEOUT(504, true, true, "upstream did not accept the connection in time"),
  /**
   * A pooled connection ended without a byte of answer: the instance closed it while it was idle.
   */
  CLOSED_WITHOUT_ANSWER(502, false, true, "upstream closed the connection without answering"),
  /**
   * The connection was reset before a byte of answer: the instance's process died or dropped it.
   */
  RESET_WITHOUT_ANSWER(502, false, true, "upstream reset the connection without answering"),
  /** Connected, but no status line and headers within gateway.response-timeout. */
  RESPONSE_TIMEOUT(504, false, false, "upstream did not answer in time"),
  /**
   * Every pooled connection stayed busy for gateway.connect-timeout: the gateway, not the instance,
   * is full.
   */
  NO_FREE_CONNECTION(503, false, false, "gateway has no free upstream connection"),
  /** The connection broke or the upstream answered something that is not HTTP. */
  BROKEN(502, false, false, "upstream connection failed");

  private final int status;
  private final boolean unreached;
  private final boolean retryable;
  private final String message;

  UpstreamFailure(int status, boolean unreached, boolean retryable, String message) {
    this.status = status;
    this.unreached = unreached;
    this.retryable = retryable;
    this.message = message;
  }

  /** The status the client gets when no further attempt is made. */
  public int status() {
    return status;
  }

  /** True when the request certainly did not reach the instance: report it as failed. */
  public boolean unreached() {
    return unreached;
  }

  /**
   * True when an idempotent request whose body has not started may be sent again, to another
   * instance.
   */
  public boolean retryable() {
    return retryable;
  }

  public String message() {
    return message;
  }

  /**
   * Classifies an exception thrown while sending a request and waiting for the response headers.
   */
  public static UpstreamFailure of(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      // Both timeouts below are SocketTimeoutExceptions too: the specific ones first.
      if (t instanceof ConnectTimeoutException) {
        return CONNECT_TIMEOUT;
      }
      if (t instanceof ConnectionRequestTimeoutException) {
        return NO_FREE_CONNECTION;
      }
      if (t instanceof SocketTimeoutException) {
        return RESPONSE_TIMEOUT;
      }
      if (t instanceof NoHttpResponseException) {
        return CLOSED_WITHOUT_ANSWER;
      }
      if (t instanceof UpstreamNotAllowedException) {
        return NOT_ALLOWED; // an UnknownHostException too: before it
      }
      if (t instanceof ConnectException
          || t instanceof NoRouteToHostException
          || t instanceof UnknownHostException) {
        return REFUSED;
      }
      if (t instanceof SocketException
          && String.valueOf(t.getMessage()).startsWith("Connection reset")) {
        return RESET_WITHOUT_ANSWER; // the JDK's only sign of a TCP reset: "Connection reset" [by
        // peer]
      }
    }
    return BROKEN;
  }
}
