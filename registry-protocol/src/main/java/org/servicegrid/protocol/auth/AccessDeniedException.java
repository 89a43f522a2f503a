package org.servicegrid.protocol.auth;

/**
 * A request refused for want of a credential (401: missing, malformed, expired or badly signed
 * token) or of a right (403: a valid token that may not act for the service named in the body).
 * Answered as {@code {"error": "..."}} by {@code AccessDeniedExceptionMapper}.
 */
public final class AccessDeniedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  private AccessDeniedException(int status, String message) {
    super(message);
    this.status = status;
  }

  public static AccessDeniedException unauthenticated(String reason) {
    return new AccessDeniedException(401, reason);
  }

  public static AccessDeniedException forbidden(String reason) {
    return new AccessDeniedException(403, reason);
  }

  public int status() {
    return status;
  }
}
