package org.servicegrid.protocol.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.servicegrid.testsupport.TokenIssuer;

/**
 * registry-protocol's verifier against the tests' issuer; it lives here because registry-protocol
 * cannot depend on test-support, which depends on it.
 */
class TokenVerifierTest {

  private static final Instant NOW = Instant.parse("2026-12-01T04:00:00Z");
  private static final KeyPair KEYS = keyPair();

  private final TokenVerifier verifier =
      new TokenVerifier(
          (RSAPublicKey) KEYS.getPublic(), "servicegrid", Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void acceptsATokenOfTheKeyAndIssuerAndNamesItsSubjectAndGroups() {
    String token =
        issuer(KEYS, "servicegrid").issue("log", List.of("service"), NOW, Duration.ofDays(1));

    Caller caller = verifier.authenticate("Bearer " + token);

    assertThat(caller.subject()).isEqualTo("log");
    assertThat(caller.groups()).containsExactly("service");
    assertThat(caller.mayActFor("log")).isTrue();
    assertThat(caller.mayActFor("visit")).isFalse();
    assertThat(verifier.verify(token)).isEqualTo(caller); // remembered
  }

  @Test
  void anAdminMayActForAnyServiceAndTheRegistryTokenIsRecognised() {
    Caller admin =
        verifier.verify(
            issuer(KEYS, "servicegrid")
                .issue("ops", List.of("registry-admin"), NOW, Duration.ofDays(1)));
    Caller registry =
        verifier.verify(
            issuer(KEYS, "servicegrid")
                .issue("registry", List.of("registry"), NOW, Duration.ofDays(1)));

    assertThat(admin.mayActFor("visit")).isTrue();
    assertThat(registry.isRegistry()).isTrue();
    assertThat(registry.mayActFor("visit")).isFalse();
  }

  @Test
  void refusesMissingMalformedForeignExpiredAndOtherIssuersTokens() {
    assertRefused(null, "required");
    assertRefused("Basic dXNlcjpwYXNz", "Bearer");
    assertRefused("Bearer not.a.token", "well-formed");
    assertRefused("Bearer abc", "not a signed JWT");
    assertRefused(
        "Bearer "
            + issuer(keyPair(), "servicegrid").issue("log", List.of(), NOW, Duration.ofDays(1)),
        "signature");
    assertRefused(
        "Bearer "
            + issuer(KEYS, "servicegrid")
                .issue("log", List.of(), NOW.minusSeconds(7200), Duration.ofHours(1)),
        "expired");
    assertRefused(
        "Bearer " + issuer(KEYS, "someone-else").issue("log", List.of(), NOW, Duration.ofDays(1)),
        "issued by servicegrid");
  }

  @Test
  void refusesATokenWhoseClaimsWereChangedAfterSigning() {
    String token =
        issuer(KEYS, "servicegrid").issue("log", List.of("service"), NOW, Duration.ofDays(1));
    String[] parts = token.split("\\.");
    String admin =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(
                        java.util.Base64.getUrlDecoder().decode(parts[1]),
                        java.nio.charset.StandardCharsets.UTF_8)
                    .replace("\"service\"", "\"registry-admin\"")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertRefused("Bearer " + parts[0] + "." + admin + "." + parts[2], "signature");
  }

  private void assertRefused(String authorization, String reason) {
    assertThatThrownBy(() -> verifier.authenticate(authorization))
        .isInstanceOfSatisfying(
            AccessDeniedException.class, e -> assertThat(e.status()).isEqualTo(401))
        .hasMessageContaining(reason);
  }

  private static TokenIssuer issuer(KeyPair keys, String issuer) {
    return new TokenIssuer((RSAPrivateKey) keys.getPrivate(), issuer);
  }

  private static KeyPair keyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
