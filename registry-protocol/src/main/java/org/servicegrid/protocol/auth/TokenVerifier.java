package org.servicegrid.protocol.auth;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies MicroProfile JWT bearer tokens (RS256, {@code iss}, {@code exp}, {@code sub}/{@code
 * upn}, {@code groups}) with the JDK's crypto, so the registry and the client library check tokens
 * the same way on any Liberty server, with or without the {@code mpJwt} feature. Verified tokens
 * are remembered until they expire: a service presents the same token on every registration, and an
 * RSA check costs far more than a lookup.
 */
public final class TokenVerifier {

  private static final int MAX_REMEMBERED = 10_000;

  /** One factory: {@code Json.createReader} looks the provider up anew on every call. */
  private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

  private static final String BEARER = "Bearer ";

  private record Verified(Caller caller, long expiresAtSeconds) {}

  private final RSAPublicKey key;
  private final String issuer;
  private final Clock clock;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  public TokenVerifier(RSAPublicKey key, String issuer, Clock clock) {
    this.key = key;
    this.issuer = issuer;
    this.clock = clock;
  }

  /**
   * The caller of an {@code Authorization} header; throws a 401 {@link AccessDeniedException}
   * saying why not.
   */
  public Caller authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw AccessDeniedException.unauthenticated(
          "a bearer token is required (Authorization: Bearer <token>)");
    }
    if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw AccessDeniedException.unauthenticated(
          "the Authorization header must be 'Bearer <token>'");
    }
    return verify(authorization.substring(BEARER.length()).trim());
  }

  /** The caller a token stands for, once its signature, issuer and expiry are checked. */
  public Caller verify(String token) {
    long now = clock.millis() / 1000;
    Verified known = verified.get(token);
    if (known != null && known.expiresAtSeconds() > now) {
      return known.caller();
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw AccessDeniedException.unauthenticated("the bearer token is not a signed JWT");
    }
    JsonObject header = json(parts[0]);
    if (!"RS256".equals(header.getString("alg", ""))) {
      throw AccessDeniedException.unauthenticated("the bearer token must be signed with RS256");
    }
    if (!signatureMatches(parts)) {
      throw AccessDeniedException.unauthenticated(
          "the bearer token's signature does not match the registry's key");
    }
    JsonObject claims = json(parts[1]);
    if (!issuer.equals(string(claims, "iss"))) {
      throw AccessDeniedException.unauthenticated("the bearer token was not issued by " + issuer);
    }
    long expires = number(claims, "exp");
    if (expires <= now) {
      throw AccessDeniedException.unauthenticated("the bearer token has expired");
    }
    String subject = string(claims, "sub") != null ? string(claims, "sub") : string(claims, "upn");
    if (subject == null || subject.isEmpty()) {
      throw AccessDeniedException.unauthenticated("the bearer token names no subject");
    }
    Caller caller = new Caller(subject, groups(claims));
    if (verified.size() >= MAX_REMEMBERED) {
      verified.clear(); // bounded; rebuilt from the tokens in use
    }
    verified.put(token, new Verified(caller, expires));
    return caller;
  }

  private boolean signatureMatches(String[] parts) {
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(key);
      rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      return rsa.verify(Base64.getUrlDecoder().decode(parts[2]));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private static JsonObject json(String base64Url) {
    try (JsonReader reader =
        JSON.createReader(
            new StringReader(
                new String(Base64.getUrlDecoder().decode(base64Url), StandardCharsets.UTF_8)))) {
      return reader.readObject();
    } catch (JsonException | IllegalArgumentException | IllegalStateException e) {
      throw AccessDeniedException.unauthenticated("the bearer token is not a well-formed JWT");
    }
  }

  private static String string(JsonObject claims, String name) {
    JsonValue value = claims.get(name);
    return value instanceof JsonString text ? text.getString() : null;
  }

  private static long number(JsonObject claims, String name) {
    JsonValue value = claims.get(name);
    if (value instanceof JsonNumber number) {
      return number.longValue();
    }
    throw AccessDeniedException.unauthenticated("the bearer token has no " + name + " claim");
  }

  private static Set<String> groups(JsonObject claims) {
    Set<String> groups = new HashSet<>();
    if (claims.get("groups") instanceof JsonArray array) {
      array.forEach(
          group -> {
            if (group instanceof JsonString name) {
              groups.add(name.getString());
            }
          });
    }
    return groups;
  }
}
