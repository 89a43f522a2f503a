package org.servicegrid.protocol;

/**
 * A request body over the configured limit; it was not read beyond the limit and nothing was
 * applied.
 */
public class PayloadTooLargeException extends InvalidRequestException {

  private static final long serialVersionUID = 1L;

  public PayloadTooLargeException(long limit) {
    super("request body is larger than " + limit + " bytes");
  }
}
