package org.servicegrid.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Signs MicroProfile JWTs (RS256) as {@code scripts/Credentials.java} does, for tests that hold the
 * private key; the servers only ever verify, so no product module ships it.
 */
public final class TokenIssuer {

  private final RSAPrivateKey key;
  private final String issuer;

  public TokenIssuer(RSAPrivateKey key, String issuer) {
    this.key = key;
    this.issuer = issuer;
  }

  /** A token for {@code subject} in {@code groups}, valid from {@code now} for {@code validity}. */
  public String issue(String subject, List<String> groups, Instant now, Duration validity) {
    JsonArrayBuilder groupArray = Json.createArrayBuilder();
    groups.forEach(groupArray::add);
    String header =
        encode(Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build().toString());
    String claims =
        encode(
            Json.createObjectBuilder()
                .add("iss", issuer)
                .add("sub", subject)
                .add("upn", subject)
                .add("groups", groupArray)
                .add("iat", now.getEpochSecond())
                .add("exp", now.plus(validity).getEpochSecond())
                .add("jti", UUID.randomUUID().toString())
                .build()
                .toString());
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
      return header
          + "."
          + claims
          + "."
          + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot sign a token", e);
    }
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
