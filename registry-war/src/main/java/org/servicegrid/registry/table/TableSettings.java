package org.servicegrid.registry.table;

import java.time.Duration;

/**
 * The table's bounds (read by {@code RegistryConfig}): names kept as known without a live instance
 * ({@code registry.table.max-idle-services}), how long a write waits for the cluster to apply it on
 * this node before it answers 503 ({@code registry.cluster.write-timeout}), and what the table
 * holds at most ({@code registry.limits.*}: instances of one service, 429 beyond; services in use,
 * 507 beyond; see {@link TableLimits}), and how long the status override of an instance that left
 * is kept ({@code registry.status-override.retention}).
 */
public record TableSettings(
    int maxIdleServices,
    Duration clusterWriteTimeout,
    int maxInstancesPerService,
    int maxServices,
    Duration statusOverrideRetention) {}
