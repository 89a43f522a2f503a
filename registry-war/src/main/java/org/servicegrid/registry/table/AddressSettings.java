package org.servicegrid.registry.table;

import java.time.Duration;
import org.servicegrid.protocol.auth.AllowedAddresses;

/**
 * Where registered instances may listen ({@code registry.allowed-addresses}, read by {@code
 * RegistryConfig}), and how long a registration waits at most for its Addr's host name to resolve
 * ({@code registry.allowed-addresses.resolve-timeout}); see {@link InstanceAddressCheck}.
 */
public record AddressSettings(AllowedAddresses allowed, Duration resolveTimeout) {}
