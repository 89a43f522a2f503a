package org.servicegrid.gateway.catalog.canary;

import org.servicegrid.protocol.auth.AddressRanges;

/**
 * How requests choose an instance version (read by {@code GatewayConfig}): the canary rules ({@code
 * gateway.canary}), whether a request meant for a version none of whose instances is usable goes to
 * the other instances or is answered 503 ({@code gateway.canary.fallback}), and the header a tester
 * asks for a version with ({@code gateway.version-header}), believed only from {@code
 * gateway.version-header.allowed-from}.
 */
public record CanarySettings(
    CanaryRules rules, boolean fallback, String header, AddressRanges headerAllowedFrom) {}
