package org.servicegrid.gateway.proxy;

import java.io.IOException;

/**
 * The client's body grew past the service's limit while it was being streamed: the exchange is
 * abandoned, 413.
 */
public class BodyTooLargeException extends IOException {

  private static final long serialVersionUID = 1L;

  public BodyTooLargeException(long limit) {
    super("request body is larger than the limit of " + limit + " bytes");
  }
}
