package org.servicegrid.gateway.proxy;

import java.net.UnknownHostException;

/**
 * An instance's address lies outside {@code gateway.allowed-upstreams}: nothing was sent to it. An
 * {@link UnknownHostException} because that is what the HTTP client's resolver may throw; {@link
 * UpstreamFailure#of} tells the two apart.
 */
public class UpstreamNotAllowedException extends UnknownHostException {

  private static final long serialVersionUID = 1L;

  public UpstreamNotAllowedException(String message) {
    super(message);
  }
}
