package org.servicegrid.registry.heartbeat;

import java.time.Duration;
import org.servicegrid.protocol.Transport;

/**
 * The heart-beat timing ({@code registry.heartbeat.*}, read by {@code RegistryConfig}). An instance
 * that dies just after a good check is evicted at worst period + attempts x timeout + (attempts -
 * 1) x pause later, which the defaults keep within the 5 s the protocol promises for telling its
 * dependents. The probes go over {@code transport}: HTTPS or HTTP ({@code servicegrid.tls}).
 */
public record HeartBeatSettings(
    Duration period,
    int attempts,
    Duration retryPause,
    Duration connectTimeout,
    Duration readTimeout,
    int parallelism,
    Transport transport) {}
