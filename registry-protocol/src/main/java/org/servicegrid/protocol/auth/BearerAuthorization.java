package org.servicegrid.protocol.auth;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sends a bearer token on every call of the client it is registered with: a service's token on its
 * registry calls, the registry's own token on its notices. Not a {@code @Provider}: only the
 * clients that should carry a credential register it.
 */
public final class BearerAuthorization implements ClientRequestFilter {

  private final String header;

  public BearerAuthorization(String token) {
    this.header = "Bearer " + token;
  }

  /** The token of a file holding it (surrounding white space ignored). */
  public static String readToken(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the token file " + file, e);
    }
  }

  @Override
  public void filter(ClientRequestContext request) {
    request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, header);
  }
}
