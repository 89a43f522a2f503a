package org.servicegrid.registry.auth;

import java.security.interfaces.RSAPublicKey;
import java.util.Optional;
import org.servicegrid.protocol.auth.AddressRanges;

/**
 * Who may write to the registry ({@code registry.auth.*}, read by {@code RegistryConfig}): whether writes need a
 * token, the issuer it must carry and the key that verifies it (null when authentication is off), the callers
 * admitted without one, and the registry's own token for its notices, when one is configured.
 */
public record AuthSettings(boolean enabled, String issuer, RSAPublicKey publicKey, AddressRanges anonymousFrom,
    Optional<String> token) {}
