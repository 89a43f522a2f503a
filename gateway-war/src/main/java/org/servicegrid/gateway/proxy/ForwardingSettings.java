package org.servicegrid.gateway.proxy;

import org.servicegrid.protocol.auth.AddressRanges;

/**
 * The forwarding headers (read by {@code GatewayConfig}): whose {@code gateway.trusted-proxies} are
 * believed, and the pseudonym {@code gateway.via} this gateway adds to {@code Via} (and recognises
 * there as a loop).
 */
public record ForwardingSettings(AddressRanges trustedProxies, String via) {}
