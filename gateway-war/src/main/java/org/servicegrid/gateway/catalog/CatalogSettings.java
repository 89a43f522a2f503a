package org.servicegrid.gateway.catalog;

import java.time.Duration;

/**
 * How often the routable names are refreshed, and refreshes an unknown name may cause ({@code
 * gateway.catalog.*}, read by {@code GatewayConfig}).
 */
public record CatalogSettings(Duration refreshPeriod, Duration retryDelay, int missRefreshRate) {}
