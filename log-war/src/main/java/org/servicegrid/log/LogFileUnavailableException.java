package org.servicegrid.log;

import java.io.IOException;

/**
 * The log file could not be written or read; the line was not appended and the caller may retry.
 */
public class LogFileUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public LogFileUnavailableException(IOException cause) {
    super("log file unavailable", cause);
  }
}
