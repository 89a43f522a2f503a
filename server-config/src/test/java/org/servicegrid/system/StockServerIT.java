package org.servicegrid.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.servicegrid.testsupport.Http;
import org.servicegrid.testsupport.TestTokens;

/**
 * A service WAR dropped on a stock Liberty server (no project server.xml, no variables) registers
 * with the address its server really listens on, read from the server, and finds the registry at
 * the default URL. The service is renamed through the environment so that the other system tests
 * never route visits to it, and gets its token the same way ({@code REGISTRY_CLIENT_AUTH_TOKEN}): a
 * stock server has no credentials files. Its application does not see the OpenTelemetry API (no
 * {@code apiTypeVisibility}), so it runs, and appends, with tracing off.
 */
@UsesSharedSystem
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StockServerIT {

  private static final String SERVER = "stock";
  private static final String NAME = "log-on-stock-server";
  private static final String TOKEN = TestTokens.forService(NAME);

  @BeforeAll
  static void startAStockServerWithTheLogWar() throws Exception {
    Path dir = Server.wlpHome().resolve("usr/servers/" + SERVER);
    if (!Files.isDirectory(dir)) {
      serverCommand("create");
    }
    try (InputStream xml = StockServerIT.class.getResourceAsStream("/stock-server.xml")) {
      Files.copy(xml, dir.resolve("server.xml"), StandardCopyOption.REPLACE_EXISTING);
    }
    Files.createDirectories(dir.resolve("dropins"));
    Files.copy(
        Server.wlpHome().resolve("usr/servers/log/apps/log.war"),
        dir.resolve("dropins/log.war"),
        StandardCopyOption.REPLACE_EXISTING);
    serverCommand("start");
  }

  @AfterAll
  static void stopIt() {
    serverCommand("stop");
  }

  @Test
  @Order(1)
  void appendsWithTracingOffWhereTheApplicationDoesNotSeeTheOpenTelemetryApi() throws Exception {
    String message = "stock server append " + UUID.randomUUID();
    String log = "http://localhost:9080/log";
    await()
        .atMost(Server.START_BOUND)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> Http.assertStatus(Http.get("http://localhost:9080/heart-beat"), 200));

    Http.assertStatus(Http.send("POST", log, "text/plain", message), 200);

    assertThat(Http.assertStatus(Http.get(log + "?tail=5"), 200).body())
        .as("GET %s?tail=5", log)
        .contains(" " + message);
    assertThat(
            Files.readString(
                Server.wlpHome().resolve("usr/servers/" + SERVER + "/logs/messages.log")))
        .contains("Tracing is off: the application does not see the OpenTelemetry API")
        .contains("apiTypeVisibility=\"+third-party\"");
  }

  @Test
  @Order(2) // stops the server
  void registersTheAddressItsServerListensOnAndLeavesWhenStopped() throws Exception {
    String instances = Server.REGISTRY.url("/services/" + NAME);

    await()
        .atMost(Server.START_BOUND)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () ->
                assertThat(Http.get(instances).body())
                    .as("GET %s", instances)
                    .contains("\"localhost:9080\""));
    Http.assertStatus(Http.get("http://localhost:9080/heart-beat"), 200);

    serverCommand("stop");
    await()
        .atMost(Server.EVICTION_BOUND)
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () ->
                assertThat(Http.get(instances).body())
                    .as("GET %s after the stop", instances)
                    .isEqualTo("[]"));
  }

  /**
   * Runs Liberty's {@code bin/server} on the stock server, naming the service and its token in the
   * environment.
   */
  private static void serverCommand(String action) {
    Server.command(
        action, SERVER, Map.of("SERVICE_NAME", NAME, "REGISTRY_CLIENT_AUTH_TOKEN", TOKEN));
  }
}
