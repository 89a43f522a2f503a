package org.servicegrid.registry.auth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicegrid.protocol.auth.Caller;
import org.servicegrid.protocol.auth.TokenVerifier;

/**
 * Who may change the table: callers with a bearer token signed by the operator's key (subject = the service
 * they may act for, or the {@code registry-admin} group), and, without a token, callers whose address lies in
 * {@code registry.auth.anonymous-from} (services of the original protocol). Also holds the registry's own
 * token, which its notices carry.
 */
@ApplicationScoped
public class RegistryAccess {

  private static final Logger LOG = Logger.getLogger(RegistryAccess.class.getName());

  @Inject AuthSettings auth;

  private TokenVerifier verifier;

  @PostConstruct
  void init() {
    if (auth.enabled()) {
      verifier = new TokenVerifier(auth.publicKey(), auth.issuer(), Clock.systemUTC());
      LOG.log(Level.INFO, "Registry writes need a bearer token of issuer {0}; without one from {1}",
          new Object[] {auth.issuer(), auth.anonymousFrom().isEmpty() ? "nowhere" : auth.anonymousFrom()});
    } else {
      LOG.warning("registry.auth.enabled is false: anyone who reaches the registry may register and deregister");
    }
  }

  /** The caller of a write; throws a 401 {@code AccessDeniedException} when it has no acceptable credential. */
  public Caller authenticate(String authorization, String remoteAddress) {
    if (verifier == null) {
      return Caller.ANONYMOUS;
    }
    boolean noToken = authorization == null || authorization.isBlank();
    if (noToken && auth.anonymousFrom().contains(remoteAddress)) {
      return Caller.ANONYMOUS;
    }
    return verifier.authenticate(authorization);
  }

  /** The registry's own token for its notices, when one is configured. */
  public Optional<String> noticeToken() {
    return auth.token();
  }
}
