package org.servicegrid.client.internal;

import java.time.Duration;
import org.servicegrid.protocol.Transport;

/**
 * How every call the library makes (registry and services) goes: HTTPS or HTTP ({@code
 * servicegrid.tls}), its timeouts, and the timeout of deregistration at stop.
 */
public record OutboundCallSettings(
    Transport transport,
    Duration connectTimeout,
    Duration readTimeout,
    Duration deregisterTimeout) {}
