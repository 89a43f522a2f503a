package org.servicegrid.client.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicegrid.protocol.auth.AccessDeniedException;
import org.servicegrid.testsupport.ConfigFixture;
import org.servicegrid.testsupport.TokenIssuer;

/**
 * Who may send this instance notices: the registry's token, or no token from
 * anonymous-notices-from.
 */
class NoticeAccessTest {

  @TempDir static Path dir;
  private static Path publicKey;
  private static TokenIssuer issuer;

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    publicKey =
        Files.writeString(
            dir.resolve("public-key.pem"),
            "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
    issuer = new TokenIssuer((RSAPrivateKey) pair.getPrivate(), "servicegrid");
  }

  @Test
  void acceptsTheRegistrysTokenOnly() {
    NoticeAccess access = access("registry.client.auth.public-key-file", publicKey.toString());

    assertThatCode(() -> access.check(bearer("registry", "registry"), "127.0.0.1"))
        .doesNotThrowAnyException();
    assertRefused(() -> access.check(bearer("log", "service"), "127.0.0.1"), 403);
    assertRefused(() -> access.check(null, "127.0.0.1"), 401);
    assertRefused(() -> access.check("Bearer x.y.z", "127.0.0.1"), 401);
  }

  @Test
  void withoutAKeyOnlyTheAnonymousRangesAreHeard() {
    NoticeAccess access = access("registry.client.auth.anonymous-notices-from", "127.0.0.1/32");

    assertThatCode(() -> access.check(null, "127.0.0.1")).doesNotThrowAnyException();
    assertRefused(() -> access.check(null, "10.0.0.1"), 401);
    assertRefused(() -> access.check(bearer("registry", "registry"), "127.0.0.1"), 401);
  }

  @Test
  void byDefaultNoNoticeIsHeardWithoutAKey() {
    NoticeAccess access = access();

    assertRefused(() -> access.check(null, "127.0.0.1"), 401);
  }

  private static String bearer(String subject, String group) {
    return "Bearer " + issuer.issue(subject, List.of(group), Instant.now(), Duration.ofHours(1));
  }

  private static NoticeAccess access(String... overrides) {
    List<String> settings =
        new ArrayList<>(List.of("service.name", "visit", "service.address", "127.0.0.1:20003"));
    settings.addAll(List.of(overrides));
    ClientConfig config = ConfigFixture.load(ClientConfig.class, settings.toArray(String[]::new));
    config.validate();
    NoticeAccess access = new NoticeAccess();
    access.config = config;
    access.init();
    return access;
  }

  private static void assertRefused(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(status));
  }
}
