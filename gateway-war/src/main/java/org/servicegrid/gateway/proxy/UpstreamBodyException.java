package org.servicegrid.gateway.proxy;

import java.io.IOException;
import java.time.Duration;

/**
 * The upstream, not the client, broke off while its response body was being streamed: it failed or went
 * silent for longer than {@code gateway.read-timeout}. Kept apart from the client's own write failures,
 * which are routine (a browser navigating away) and not the upstream's fault.
 */
public class UpstreamBodyException extends IOException {

  private static final long serialVersionUID = 1L;

  private final boolean timedOut;

  private UpstreamBodyException(String message, Throwable cause, boolean timedOut) {
    super(message, cause);
    this.timedOut = timedOut;
  }

  static UpstreamBodyException silentFor(Duration idle) {
    return new UpstreamBodyException("no data from upstream for " + idle.toMillis() + " ms", null, true);
  }

  static UpstreamBodyException failed(Throwable cause) {
    return new UpstreamBodyException("upstream body failed: " + cause, cause, false);
  }

  /** True when the upstream went silent, false when its transfer failed. */
  public boolean timedOut() {
    return timedOut;
  }
}
