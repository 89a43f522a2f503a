package org.servicegrid.client.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.servicegrid.protocol.auth.AccessDeniedException;
import org.servicegrid.protocol.auth.Caller;
import org.servicegrid.protocol.auth.TokenVerifier;

/**
 * Admits a notice ({@code POST}/{@code DELETE /services}) only from the registry: a bearer token in
 * the {@code registry} group signed by the key in {@code registry.client.auth.public-key-file}, or
 * no token from an address in {@code registry.client.auth.anonymous-notices-from}. Anyone else
 * could otherwise steer this instance's calls to an address of their choosing.
 */
@ApplicationScoped
class NoticeAccess {

  @Inject ClientConfig config;

  private TokenVerifier verifier;

  @PostConstruct
  void init() {
    verifier =
        config
            .auth()
            .noticeKey()
            .map(key -> new TokenVerifier(key, config.auth().issuer(), Clock.systemUTC()))
            .orElse(null);
  }

  /**
   * Returns when the notice may change the local table; throws a 401/403 {@code
   * AccessDeniedException}.
   */
  void check(String authorization, String remoteAddress) {
    boolean noToken = authorization == null || authorization.isBlank();
    if (noToken && config.auth().anonymousNoticesFrom().contains(remoteAddress)) {
      return;
    }
    if (verifier == null) {
      throw AccessDeniedException.unauthenticated(
          "notices need the registry's token, and registry.client.auth.public-key-file is not set");
    }
    Caller caller = verifier.authenticate(authorization);
    if (!caller.isRegistry()) {
      throw AccessDeniedException.forbidden(
          "only the registry may send notices, not '" + caller.subject() + "'");
    }
  }
}
