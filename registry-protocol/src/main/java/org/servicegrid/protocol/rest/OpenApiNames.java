package org.servicegrid.protocol.rest;

/**
 * What every server's OpenAPI document shares: the registry and the registry-client library each
 * declare the bearer security scheme (the library with its notices), with this name and text.
 */
public final class OpenApiNames {

  /**
   * The HTTP bearer security scheme: a JWT signed with the servicegrid key, as {@code
   * TokenVerifier} and Liberty's MicroProfile JWT check it.
   */
  public static final String BEARER = "bearer";

  /** The scheme's description, the same in every document. */
  public static final String BEARER_DESCRIPTION =
      "A JWT signed with the servicegrid key: for the registry's writes a token that may act"
          + " for the instance's Name, for a service's notices the registry's token";

  private OpenApiNames() {}
}
