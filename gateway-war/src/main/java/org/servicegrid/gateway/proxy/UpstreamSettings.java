package org.servicegrid.gateway.proxy;

import java.time.Duration;

/**
 * The calls to instances ({@code gateway.connect-timeout}, {@code response-timeout}, {@code
 * read-timeout}, {@code max-connections}, {@code retries}, read by {@code GatewayConfig}):
 * timeouts, the pooled connections, and retries of a call that may be retried.
 */
public record UpstreamSettings(
    Duration connectTimeout,
    Duration responseTimeout,
    Duration readTimeout,
    int maxConnections,
    int retries) {}
