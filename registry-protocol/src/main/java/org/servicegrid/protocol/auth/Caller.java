package org.servicegrid.protocol.auth;

import java.util.Set;

/**
 * Who sent a registry write or a notice: the token's subject (a service name, or {@code registry})
 * and its groups. {@link #ANONYMOUS} is a caller admitted without a token by an address range.
 */
public record Caller(String subject, Set<String> groups) {

  /** The group whose members may register and deregister instances of any service. */
  public static final String ADMIN_GROUP = "registry-admin";

  /** The group of the registry's own token, which notices carry. */
  public static final String REGISTRY_GROUP = "registry";

  /**
   * Admitted without a token (anonymous-from, or authentication switched off): may act for any
   * name.
   */
  public static final Caller ANONYMOUS = new Caller("", Set.of(ADMIN_GROUP, REGISTRY_GROUP));

  public Caller {
    groups = Set.copyOf(groups);
  }

  /** True when this caller may register or deregister instances of {@code serviceName}. */
  public boolean mayActFor(String serviceName) {
    return subject.equals(serviceName) || groups.contains(ADMIN_GROUP);
  }

  public boolean isRegistry() {
    return groups.contains(REGISTRY_GROUP);
  }
}
