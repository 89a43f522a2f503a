package org.servicegrid.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.servicegrid.protocol.config.InvalidConfigurationException;
import org.servicegrid.testsupport.ConfigFixture;

class RegistryConfigTest {

  @TempDir static Path dir;
  private static Path publicKey;

  /**
   * The server configuration names a key file; the shipped defaults need one while authentication
   * is on.
   */
  @BeforeAll
  static void writeAPublicKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    publicKey = dir.resolve("public-key.pem");
    Files.writeString(
        publicKey,
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder()
                .encodeToString(generator.generateKeyPair().getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
  }

  @Test
  void acceptsTheShippedDefaultsAndExposesThemAsDurations() {
    RegistryConfig config = load();

    config.validate();

    assertThat(config.heartBeat.period()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.heartBeat.transport().secure()).isFalse();
    assertThat(config.notices.readTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.notices.transport().secure()).isFalse();
    assertThat(config.table.maxInstancesPerService()).isEqualTo(10_000);
    assertThat(config.table.maxServices()).isEqualTo(1000);
    assertThat(config.auth.enabled()).isTrue();
    assertThat(config.auth.issuer()).isEqualTo("servicegrid");
    assertThat(config.auth.anonymousFrom().isEmpty())
        .as("anonymous-from is empty by default")
        .isTrue();
    assertThat(config.auth.token()).isEmpty();
    assertThat(config.addresses.allowed()).hasToString("loopback,private,caller");
    assertThat(config.addresses.allowed().allowsCaller()).isTrue();
    assertThat(config.addresses.resolveTimeout()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void readsTheAnonymousRangesAndTheRegistrysOwnToken() throws Exception {
    Path token = Files.writeString(dir.resolve("registry.jwt"), "a.b.c\n");
    RegistryConfig config =
        load(
            "registry.auth.anonymous-from",
            "127.0.0.1/32, ::1/128",
            "registry.auth.token-file",
            token.toString());

    config.validate();

    assertThat(config.auth.anonymousFrom().contains("127.0.0.1")).isTrue();
    assertThat(config.auth.token()).contains("a.b.c");
  }

  @Test
  void withAuthenticationOffNeedsNoKey() {
    RegistryConfig config =
        ConfigFixture.load(RegistryConfig.class, "registry.auth.enabled", "false");

    config.validate();

    assertThat(config.auth.enabled()).isFalse();
  }

  /**
   * Settings that cannot work: no heart-beats, no attempts, no notice threads, no room for events,
   * no key.
   */
  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "registry.heartbeat.period, 0",
    "registry.heartbeat.attempts, 0",
    "registry.heartbeat.retry-pause, -1",
    "registry.heartbeat.connect-timeout, 0",
    "registry.heartbeat.read-timeout, 0",
    "registry.heartbeat.parallelism, 0",
    "registry.notify.connect-timeout, 0",
    "registry.notify.read-timeout, 0",
    "registry.notify.queue-capacity, 0",
    "registry.notify.max-connections, 0",
    "registry.notify.threads, 0",
    "registry.table.max-idle-services, -1",
    "registry.limits.max-instances-per-service, 0",
    "registry.limits.max-services, 0",
    "registry.events.capacity, 0",
    "registry.cluster.port, 0",
    "registry.cluster.port, 65536",
    "registry.cluster.members, 127.0.0.1",
    "registry.cluster.members, a:1;b:2",
    "registry.cluster.member-timeout, 0",
    "registry.cluster.write-timeout, 0",
    "registry.auth.anonymous-from, localhost",
    "registry.auth.anonymous-from, 10.0.0.0/40",
    "mp.jwt.verify.publickey.location, /nonexistent/public-key.pem",
    "registry.auth.token-file, /nonexistent/t.jwt",
    "servicegrid.tls, on",
    "registry.allowed-addresses, ''",
    "registry.allowed-addresses, 10.0.0.0/33",
    "registry.allowed-addresses, 'loopback, http://x'",
    "registry.allowed-addresses.resolve-timeout, 0"
  })
  void refusesSettingsThatCannotWorkNamingTheirKey(String key, String value) {
    RegistryConfig config = load(key, value);

    assertThatThrownBy(config::validate)
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining(key + " is '" + value + "'");
  }

  @Test
  void refusesAuthenticationWithoutAKeyFile() {
    RegistryConfig config = ConfigFixture.load(RegistryConfig.class);

    assertThatThrownBy(config::validate)
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("mp.jwt.verify.publickey.location");
  }

  private static RegistryConfig load(String... overrides) {
    List<String> settings =
        new ArrayList<>(List.of("mp.jwt.verify.publickey.location", publicKey.toString()));
    settings.addAll(List.of(overrides));
    return ConfigFixture.load(RegistryConfig.class, settings.toArray(String[]::new));
  }
}
