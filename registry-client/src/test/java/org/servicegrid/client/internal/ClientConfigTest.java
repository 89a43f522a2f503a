package org.servicegrid.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.protocol.config.InvalidConfigurationException;
import org.servicegrid.testsupport.ConfigFixture;

/**
 * The library's defaults (the jar's properties file) plus name, address and required services, then
 * one change.
 */
class ClientConfigTest {

  private final List<String> changes = new ArrayList<>();
  private ClientConfig config = with();

  @Test
  void theLibraryDefaultsPlusNameAndAddressAreAValidConfiguration() {
    config.validate();

    assertThat(config.self()).isEqualTo(ServiceInfo.of("visit", "127.0.0.1:20003", "log"));
    assertThat(config.registryUrls()).containsExactly(URI.create("http://127.0.0.1:20000"));
    assertThat(config.calls().connectTimeout()).isEqualTo(Duration.ofMillis(1000));
    assertThat(config.calls().readTimeout()).isEqualTo(Duration.ofMillis(3000));
    assertThat(config.calls().deregisterTimeout()).isEqualTo(Duration.ofMillis(1000));
    assertThat(config.selection().policy()).isEqualTo(SelectionPolicy.ROUND_ROBIN);
    assertThat(config.selection().failureCooldown()).isEqualTo(Duration.ofMillis(2000));
    assertThat(config.retryBackoff())
        .isEqualTo(new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5)));
    assertThat(config.registrySilence()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void requiredServicesAreTrimmedDeduplicatedAndMayBeEmpty() {
    set("service.required", " log , visit,log,, ");
    config.validate();
    assertThat(config.self().requiredServices()).containsExactly("log", "visit");

    set("service.required", null);
    config.validate();
    assertThat(config.self().requiredServices()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        "service.name, my service",
        "service.address, http://127.0.0.1:20003",
        "service.address, 127.0.0.1",
        "service.required, 'log,bad/name'",
        "registry.url, 127.0.0.1:20000",
        "registry.url, ftp://127.0.0.1:20000",
        "registry.url, 'http://127.0.0.1:20000,127.0.0.1:20100'",
        "registry.url, ' , '",
        "registry.client.connect-timeout, 0",
        "registry.client.read-timeout, -1",
        "registry.client.deregister-timeout, 0",
        "registry.client.selection, fastest",
        "registry.client.failure-cooldown, 0",
        "registry.client.retry.initial-delay, 0",
        "registry.client.retry.max-delay, 100",
        "registry.client.registry-silence, 0",
        "registry.client.auth.token-file, /nonexistent/visit.jwt",
        "registry.client.auth.public-key-file, /nonexistent/public-key.pem",
        "registry.client.auth.anonymous-notices-from, registry.example",
        "servicegrid.tls, yes"
      })
  void anInvalidValueIsRejectedWithAMessageNamingItsKey(String key, String value) {
    set(key, value);

    assertThatThrownBy(config::validate)
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining(key + " is '");
  }

  @Test
  void theMetadataKeysAreTheInstancesMetaAndNoneIsEmptyMeta() {
    config.validate();
    assertThat(config.self().meta()).isEmpty();
    assertThat(config.self().weight()).isEqualTo(1);

    set("service.metadata.version", "2.1");
    set("service.metadata.zone", "eu-1a");
    set("service.metadata.weight", "30");
    set("service.metadata.Team_name-2", "ops");
    config.validate();

    assertThat(config.self().meta())
        .isEqualTo(Map.of("version", "2.1", "zone", "eu-1a", "weight", "30", "Team_name-2", "ops"));
    assertThat(config.self().weight()).isEqualTo(30);
    assertThat(config.self().version()).hasValue("2.1");
  }

  @ParameterizedTest
  @CsvSource({
    "service.metadata.weight, 0",
    "service.metadata.weight, 1001",
    "service.metadata.weight, heavy",
    "service.metadata.a.b, x",
    "service.metadata.zone:1, x",
  })
  void anInvalidMetadataValueOrKeyFailsNamingTheKey(String key, String value) {
    set(key, value);

    assertThatThrownBy(config::validate)
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith("Invalid configuration: " + key + " is '" + value + "'")
        .hasMessageContaining("is not valid Meta: Meta ");
  }

  @Test
  void metadataValuesOfUpTo512CharactersAndUpTo64KeysAreTaken() {
    set("service.metadata.note", "x".repeat(512));
    config.validate();
    assertThat(config.self().meta().get("note")).hasSize(512);

    set("service.metadata.note", "x".repeat(513));
    assertThatThrownBy(config::validate)
        .hasMessageContaining("service.metadata.note is '")
        .hasMessageContaining("has 513 characters; at most 512");

    set("service.metadata.note", "x");
    for (int i = 1; i < 64; i++) {
      set("service.metadata.k" + i, "v");
    }
    config.validate();
    assertThat(config.self().meta()).hasSize(64);

    set("service.metadata.k64", "v");
    assertThatThrownBy(config::validate)
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage(
            "Invalid configuration: service.metadata.* is '65 keys' but must be at most 64 keys");
  }

  @Test
  void theTokenIsOptionalAndComesFromItsFileOrItsValue(@TempDir Path dir) throws Exception {
    config.validate();
    assertThat(config.auth().token()).isEmpty();

    set("registry.client.auth.token", " abc.def.ghi ");
    config.validate();
    assertThat(config.auth().token()).contains("abc.def.ghi");

    set(
        "registry.client.auth.token-file",
        Files.writeString(dir.resolve("visit.jwt"), "from.the.file\n").toString());
    config.validate();
    assertThat(config.auth().token()).contains("from.the.file");
  }

  @Test
  void aMissingServiceNameFailsLikeMicroProfileConfigNamingTheKey() {
    set("service.name", null);

    assertThatThrownBy(config::validate).hasMessageContaining("service.name");
  }

  @Test
  void selectionIsCaseInsensitiveAndTheRegistryUrlLosesATrailingSlash() {
    set("registry.client.selection", " Random ");
    set("registry.url", "http://registry.example:20000/");

    config.validate();

    assertThat(config.selection().policy()).isEqualTo(SelectionPolicy.RANDOM);
    assertThat(config.registryUrls()).containsExactly(URI.create("http://registry.example:20000"));
  }

  @Test
  void plainHttpByDefaultAndHttpsToHttpsRegistriesWithTls() {
    config.validate();
    assertThat(config.calls().transport().baseUrl("127.0.0.1:20002"))
        .isEqualTo("http://127.0.0.1:20002");

    set("servicegrid.tls", "true");
    set("registry.url", "https://127.0.0.1:20000,https://127.0.0.1:20100");
    config.validate();
    assertThat(config.calls().transport().secure()).isTrue();
    assertThat(config.calls().transport().baseUrl("127.0.0.1:20002"))
        .isEqualTo("https://127.0.0.1:20002");
  }

  @Test
  void withTlsAPlainHttpRegistryFailsNamingTheKey() {
    set("servicegrid.tls", "true");
    set("registry.url", "https://127.0.0.1:20000,http://127.0.0.1:20100");

    assertThatThrownBy(config::validate)
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining(
            "registry.url is 'https://127.0.0.1:20000,http://127.0.0.1:20100' but must be https");
  }

  @Test
  void severalRegistriesAreTriedInTheOrderListed() {
    set("registry.url", "http://127.0.0.1:20000, http://127.0.0.1:20100/ ,http://10.0.0.7:20000");

    config.validate();

    assertThat(config.registryUrls())
        .containsExactly(
            URI.create("http://127.0.0.1:20000"),
            URI.create("http://127.0.0.1:20100"),
            URI.create("http://10.0.0.7:20000"));
  }

  @Test
  void withoutServiceAddressTheServersHttpEndpointIsRegistered() throws Exception {
    set("service.address", null);
    ObjectName endpoint =
        new ObjectName("WebSphere:feature=channelfw,type=endpoint,name=defaultHttpEndpoint");
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    server.registerMBean(
        new StandardMBean(new Endpoint("localhost", 9080), EndpointMBean.class), endpoint);
    try {
      config.validate();
    } finally {
      server.unregisterMBean(endpoint);
    }

    assertThat(config.self().addr()).isEqualTo("localhost:9080");
  }

  @Test
  void withoutServiceAddressOutsideLibertyTheDeploymentFailsNamingTheKey() {
    set("service.address", null);

    assertThatThrownBy(config::validate)
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("service.address is ''");
  }

  /** The attributes of Liberty's EndPointInfoMBean that the library reads. */
  public interface EndpointMBean {
    String getHost();

    int getPort();
  }

  record Endpoint(String host, int port) implements EndpointMBean {
    @Override
    public String getHost() {
      return host;
    }

    @Override
    public int getPort() {
      return port;
    }
  }

  /**
   * The library's defaults, a visit instance's name, address and required service, then {@code
   * changes}.
   */
  private static ClientConfig with(String... changes) {
    String[] all = new String[changes.length + 6];
    System.arraycopy(
        new String[] {
          "service.name", "visit", "service.address", "127.0.0.1:20003", "service.required", "log"
        },
        0,
        all,
        0,
        6);
    System.arraycopy(changes, 0, all, 6, changes.length);
    return ConfigFixture.load(ClientConfig.class, all);
  }

  /** Changes one more key: the config is built again from the defaults and every change so far. */
  private void set(String key, String value) {
    changes.add(key);
    changes.add(value);
    config = with(changes.toArray(String[]::new));
  }
}
