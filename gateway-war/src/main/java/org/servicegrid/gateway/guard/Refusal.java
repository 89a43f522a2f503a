package org.servicegrid.gateway.guard;

/**
 * Why the gateway refused a request for a routable service without forwarding it (or, for a body
 * that grew too large while streaming, cut it off): the status the client gets and the {@code
 * reason} tag of {@code gateway_refusals_total}.
 */
public enum Refusal {

  /** The service already has {@code gateway.max-concurrent-per-service} requests in flight. */
  CONCURRENCY(503, "concurrency"),
  /** The request's {@code Via} shows it already passed through this gateway. */
  LOOP(508, "loop"),
  /** The request's header fields are larger than {@code gateway.max-header-bytes} in total. */
  HEADERS_TOO_LARGE(431, "header-size"),
  /**
   * The body is (declared or turned out) larger than the service's {@code gateway.max-body-bytes}.
   */
  BODY_TOO_LARGE(413, "body-size");

  private final int status;
  private final String reason;

  Refusal(int status, String reason) {
    this.status = status;
    this.reason = reason;
  }

  public int status() {
    return status;
  }

  /** The metric tag: short, lower-case, stable. */
  public String reason() {
    return reason;
  }
}
