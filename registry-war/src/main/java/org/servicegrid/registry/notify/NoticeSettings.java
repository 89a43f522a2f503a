package org.servicegrid.registry.notify;

import java.time.Duration;
import org.servicegrid.protocol.Transport;

/**
 * How the registry tells dependents of a change ({@code registry.notify.*}, read by {@code
 * RegistryConfig}): the timeouts of one notice, the notices that may wait per dependent, the
 * keep-alive connections of the one REST client that serves them all, the notices sent at once, and
 * whether they go over HTTPS or HTTP ({@code servicegrid.tls}).
 */
public record NoticeSettings(
    Duration connectTimeout,
    Duration readTimeout,
    int queueCapacity,
    int maxConnections,
    int threads,
    Transport transport) {}
