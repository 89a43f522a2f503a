package org.servicegrid.registry.auth;

import java.util.Optional;
import org.servicegrid.protocol.auth.AddressRanges;

/**
 * Who may write to the registry ({@code registry.auth.*}, read by {@code RegistryConfig}): whether
 * writes need a token, the issuer it must carry ({@code mp.jwt.verify.issuer}: Liberty's
 * MicroProfile JWT verifies the tokens), the callers admitted without one, and the registry's own
 * token for its notices, when one is configured.
 */
public record AuthSettings(
    boolean enabled, String issuer, AddressRanges anonymousFrom, Optional<String> token) {}
