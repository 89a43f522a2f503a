package org.servicegrid.protocol;

/**
 * Turns an outbound call's failure into a short reason for logs and events ("ConnectException:
 * ...").
 */
public final class Failures {

  private Failures() {}

  /**
   * The innermost cause, which says what really happened (refused, timed out, ...), not the
   * wrappers.
   */
  public static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
