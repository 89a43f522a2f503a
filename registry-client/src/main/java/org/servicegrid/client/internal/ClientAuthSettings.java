package org.servicegrid.client.internal;

import java.security.interfaces.RSAPublicKey;
import java.util.Optional;
import org.servicegrid.protocol.auth.AddressRanges;

/**
 * {@code registry.client.auth.*}: this service's token for its registry calls (its file wins over
 * its value), and what admits a notice: the registry's token, verified with {@code noticeKey} and
 * {@code issuer} (without a key only {@code anonymousNoticesFrom} is heard).
 */
record ClientAuthSettings(
    Optional<String> token,
    Optional<RSAPublicKey> noticeKey,
    String issuer,
    AddressRanges anonymousNoticesFrom) {}
