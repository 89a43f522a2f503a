package org.servicegrid.gateway.guard;

/**
 * What a request may take (read by {@code GatewayConfig}): concurrent requests per service ({@code
 * gateway.max-concurrent-per-service}; refused ones get a {@code Retry-After} of {@code
 * gateway.retry-after} seconds), the client's header bytes ({@code gateway.max-header-bytes}), and
 * the body bytes per service ({@code gateway.max-body-bytes}, {@code .per-service}).
 */
public record LimitSettings(
    int maxConcurrentPerService, int retryAfter, int maxHeaderBytes, BodyLimits bodies) {

  /** The largest request body forwarded to this service, in bytes. */
  public long maxBodyBytes(String service) {
    return bodies.of(service);
  }
}
