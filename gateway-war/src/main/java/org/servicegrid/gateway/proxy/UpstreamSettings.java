package org.servicegrid.gateway.proxy;

import java.time.Duration;
import org.servicegrid.protocol.auth.AllowedAddresses;

/**
 * The calls to instances ({@code gateway.connect-timeout}, {@code response-timeout}, {@code
 * read-timeout}, {@code max-connections}, {@code retries}, {@code allowed-upstreams}, read by
 * {@code GatewayConfig}): timeouts, the pooled connections, retries of a call that may be retried,
 * and the addresses instances may have.
 */
public record UpstreamSettings(
    Duration connectTimeout,
    Duration responseTimeout,
    Duration readTimeout,
    int maxConnections,
    int retries,
    AllowedAddresses allowedUpstreams) {}
