package org.servicegrid.protocol;

/**
 * A request the protocol rejects; the message says what is wrong and is returned to the caller
 * as-is.
 */
public class InvalidRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String message) {
    super(message);
  }
}
