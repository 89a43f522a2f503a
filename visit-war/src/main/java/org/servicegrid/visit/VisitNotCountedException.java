package org.servicegrid.visit;

/**
 * The visit was not counted (the count is unchanged); the message says why and goes back to the
 * caller.
 */
public class VisitNotCountedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public VisitNotCountedException(String message) {
    super(message);
  }
}
