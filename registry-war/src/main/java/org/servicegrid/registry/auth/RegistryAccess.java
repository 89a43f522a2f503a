package org.servicegrid.registry.auth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.Principal;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.servicegrid.protocol.auth.AccessDeniedException;
import org.servicegrid.protocol.auth.Caller;

/**
 * Who may change the table: callers whose bearer token Liberty's MicroProfile JWT verified (subject
 * = the service they may act for, or the {@code registry-admin} group), and, without a token,
 * callers whose address lies in {@code registry.auth.anonymous-from} (services of the original
 * protocol).
 */
@ApplicationScoped
public class RegistryAccess {

  private static final Logger LOG = Logger.getLogger(RegistryAccess.class.getName());

  @Inject AuthSettings auth;

  @PostConstruct
  void init() {
    if (auth.enabled()) {
      LOG.log(
          Level.INFO,
          "Registry writes need a bearer token of issuer {0}; without one from {1}",
          new Object[] {
            auth.issuer(), auth.anonymousFrom().isEmpty() ? "nowhere" : auth.anonymousFrom()
          });
    } else {
      LOG.warning(
          "registry.auth.enabled is false: anyone who reaches the registry may register and"
              + " deregister");
    }
  }

  /**
   * The caller of a write: {@code token} is what Liberty verified of its {@code Authorization}
   * header (null: no bearer token, or one Liberty refused). Throws a 401 {@code
   * AccessDeniedException} without an acceptable credential.
   */
  public Caller authenticate(Principal token, String authorization, String remoteAddress) {
    if (!auth.enabled()) {
      return Caller.ANONYMOUS;
    }
    if (token instanceof JsonWebToken jwt) {
      return new Caller(
          jwt.getSubject() != null ? jwt.getSubject() : jwt.getName(), jwt.getGroups());
    }
    if (authorization == null || authorization.isBlank()) {
      if (auth.anonymousFrom().contains(remoteAddress)) {
        return Caller.ANONYMOUS;
      }
      throw AccessDeniedException.unauthenticated(
          "a bearer token is required (Authorization: Bearer <token>)");
    }
    if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw AccessDeniedException.unauthenticated(
          "the Authorization header must be 'Bearer <token>'");
    }
    throw AccessDeniedException.unauthenticated(
        "the bearer token is not valid: malformed, not signed with the "
            + "registry's key, expired or not issued by "
            + auth.issuer()
            + " (the registry's log says which)");
  }
}
