package org.servicegrid.registry.notify;

import java.time.Duration;

/**
 * How the registry tells dependents of a change ({@code registry.notify.*}, read by {@code RegistryConfig}): the
 * timeouts of one notice, the notices that may wait per dependent, the keep-alive connections of the one REST
 * client that serves them all, and the notices sent at once.
 */
public record NoticeSettings(Duration connectTimeout, Duration readTimeout, int queueCapacity, int maxConnections,
    int threads) {}
