package org.servicegrid.registry.table;

import jakarta.ejb.ApplicationException;

/**
 * A registration the table's limits refuse ({@link TableLimits}): 429 when its service has the most
 * instances allowed, 507 when the table holds the most services allowed. Nothing was changed. An
 * application exception, so the container passes it through unwrapped.
 */
@ApplicationException
public class LimitExceededException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Too Many Requests: one service (one token's subject) holds as many instances as it may. */
  public static final int INSTANCES_STATUS = 429;

  /** Insufficient Storage: the table as a whole holds as many services as it may. */
  public static final int SERVICES_STATUS = 507;

  private final int status;

  private LimitExceededException(int status, String message) {
    super(message);
    this.status = status;
  }

  static LimitExceededException instances(String message) {
    return new LimitExceededException(INSTANCES_STATUS, message);
  }

  static LimitExceededException services(String message) {
    return new LimitExceededException(SERVICES_STATUS, message);
  }

  public int status() {
    return status;
  }
}
