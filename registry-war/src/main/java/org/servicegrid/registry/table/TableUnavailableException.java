package org.servicegrid.registry.table;

import jakarta.ejb.ApplicationException;

/**
 * The registry cluster did not take or apply a change in time (a member failing, the node
 * stopping): the caller may retry, here or on another registry. Answered 503; an application
 * exception, so the container passes it through unwrapped.
 */
@ApplicationException
public class TableUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TableUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
