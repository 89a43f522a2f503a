package org.servicegrid.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.servicegrid.protocol.ServiceInfo;

class SettingsParserTest {

  private final Map<String, String> config = new HashMap<>(Map.of(
      "service.name", "visit",
      "service.address", "127.0.0.1:20003",
      "service.required", "log"));

  private ClientSettings parse() {
    return SettingsParser.parse(key -> Optional.ofNullable(config.get(key)));
  }

  @Test
  void theLibraryDefaultsPlusNameAndAddressAreAValidConfiguration() throws IOException {
    Properties defaults = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
      defaults.load(in);
    }
    defaults.stringPropertyNames().forEach(key -> config.putIfAbsent(key, defaults.getProperty(key)));

    ClientSettings settings = parse();

    assertThat(settings.problems()).isEmpty();
    assertThat(settings.self()).isEqualTo(ServiceInfo.of("visit", "127.0.0.1:20003", "log"));
    assertThat(settings.registryUrl()).isEqualTo(URI.create("http://127.0.0.1:20000"));
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(1000));
    assertThat(settings.readTimeout()).isEqualTo(Duration.ofMillis(3000));
    assertThat(settings.selection()).isEqualTo(SelectionPolicy.ROUND_ROBIN);
    assertThat(settings.failureCooldown()).isEqualTo(Duration.ofMillis(2000));
    assertThat(settings.retryInitialDelay()).isEqualTo(Duration.ofMillis(200));
    assertThat(settings.retryMaxDelay()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.registrySilence()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void requiredServicesAreTrimmedDeduplicatedAndMayBeEmpty() {
    config.put("service.required", " log , visit,log,, ");
    assertThat(parse().requiredServices()).containsExactly("log", "visit");

    config.remove("service.required");
    assertThat(parse().requiredServices()).isEmpty();
    assertThat(parse().valid()).isTrue();
  }

  @Test
  void aMissingNameOrAddressIsReported() {
    config.remove("service.name");
    config.put("service.address", "  ");

    assertThat(parse().problems())
        .anySatisfy(p -> assertThat(p).contains("service.name is not set"))
        .anySatisfy(p -> assertThat(p).contains("service.address is not set"));
  }

  @Test
  void anInvalidNameAddressOrRequiredNameIsReportedWithTheProtocolsReason() {
    config.put("service.address", "http://127.0.0.1:20003");
    assertThat(parse().problems()).singleElement().asString().contains("not a valid address");

    config.put("service.address", "127.0.0.1:20003");
    config.put("service.name", "my service");
    assertThat(parse().problems()).singleElement().asString().contains("may contain only");

    config.put("service.name", "visit");
    config.put("service.required", "log,bad/name");
    assertThat(parse().problems()).singleElement().asString().contains("bad/name");
  }

  @Test
  void everyInvalidTuningValueIsReportedAndFallsBackToItsDefault() {
    config.put("registry.url", "127.0.0.1:20000");
    config.put("registry.client.connect-timeout", "1s");
    config.put("registry.client.read-timeout", "0");
    config.put("registry.client.selection", "fastest");

    ClientSettings settings = parse();

    assertThat(settings.problems()).hasSize(4)
        .anySatisfy(p -> assertThat(p).startsWith("registry.url"))
        .anySatisfy(p -> assertThat(p).startsWith("registry.client.connect-timeout '1s'"))
        .anySatisfy(p -> assertThat(p).startsWith("registry.client.read-timeout '0'"))
        .anySatisfy(p -> assertThat(p).startsWith("registry.client.selection 'fastest'"));
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(1000));
    assertThat(settings.readTimeout()).isEqualTo(Duration.ofMillis(3000));
    assertThat(settings.selection()).isEqualTo(SelectionPolicy.ROUND_ROBIN);
  }

  @Test
  void aMaximumRetryDelayBelowTheInitialOneIsReported() {
    config.put("registry.client.retry.initial-delay", "1000");
    config.put("registry.client.retry.max-delay", "500");

    assertThat(parse().problems()).singleElement().asString().contains("retry.max-delay");
  }

  @Test
  void selectionIsCaseInsensitiveAndTheRegistryUrlLosesATrailingSlash() {
    config.put("registry.client.selection", " Random ");
    config.put("registry.url", "http://registry.example:20000/");

    ClientSettings settings = parse();

    assertThat(settings.problems()).isEmpty();
    assertThat(settings.selection()).isEqualTo(SelectionPolicy.RANDOM);
    assertThat(settings.registryUrl()).isEqualTo(URI.create("http://registry.example:20000"));
  }
}
