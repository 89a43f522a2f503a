package org.servicegrid.gateway.proxy;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

/**
 * Why a forwarded request got no response, and what that means for the client and for the instance. Only a
 * failure to connect proves the request never reached the instance, so only that marks the instance failed
 * and allows another attempt; a timeout or a broken connection may come after the instance acted on it.
 */
public enum UpstreamFailure {

  /** Connection refused or the address did not resolve: the instance is gone. */
  REFUSED(502, true, "upstream refused the connection"),
  /** No TCP connection within gateway.connect-timeout: the instance is unreachable. */
  CONNECT_TIMEOUT(504, true, "upstream did not accept the connection in time"),
  /** Connected, but no status line and headers within gateway.response-timeout. */
  RESPONSE_TIMEOUT(504, false, "upstream did not answer in time"),
  /** Every pooled connection stayed busy for gateway.connect-timeout: the gateway, not the instance, is full. */
  NO_FREE_CONNECTION(503, false, "gateway has no free upstream connection"),
  /** The connection broke or the upstream answered something that is not HTTP. */
  BROKEN(502, false, "upstream connection failed");

  private final int status;
  private final boolean unreached;
  private final String message;

  UpstreamFailure(int status, boolean unreached, String message) {
    this.status = status;
    this.unreached = unreached;
    this.message = message;
  }

  /** The status the client gets when no further attempt is made. */
  public int status() {
    return status;
  }

  /** True when the request certainly did not reach the instance: report it, and another may be tried. */
  public boolean unreached() {
    return unreached;
  }

  public String message() {
    return message;
  }

  /** Classifies an exception thrown while sending a request and waiting for the response headers. */
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
      if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException) {
        return REFUSED;
      }
    }
    return BROKEN;
  }
}
