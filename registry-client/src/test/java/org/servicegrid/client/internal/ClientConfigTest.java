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
