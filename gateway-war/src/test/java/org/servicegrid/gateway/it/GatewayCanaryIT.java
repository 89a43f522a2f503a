package org.servicegrid.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.servicegrid.gateway.it.GatewayDeployment.awaitRoutes;
import static org.servicegrid.gateway.it.GatewayDeployment.get;
import static org.servicegrid.gateway.it.GatewayDeployment.send;

import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.servicegrid.testsupport.FakeHttpServer;
import org.servicegrid.testsupport.FakeRegistry;
import org.servicegrid.testsupport.FakeUpstream;
import org.servicegrid.testsupport.Http;
import org.servicegrid.testsupport.RawHttpConnection;

/**
 * Instance choice through the gateway: Meta weights 3 and 1 share the requests 3 to 1; a 10 %
 * canary rule sends 10 % to the canary version, whatever the other instances' weights; the tester's
 * header reaches a version from an allowed caller (127.0.0.1) and is ignored from another
 * (127.0.0.2); a rule whose version has no instance falls back to the other instances (the
 * default).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GatewayCanaryIT {

  private static final String HEADER = "X-Servicegrid-Version";
  private static final int REQUESTS = 4000;

  private static final FakeRegistry REGISTRY = FakeRegistry.started();
  private static final FakeHttpServer HEAVY = FakeUpstream.echoing("heavy");
  private static final FakeHttpServer LIGHT = FakeUpstream.echoing("light");
  private static final FakeHttpServer STABLE = FakeUpstream.echoing("stable");
  private static final FakeHttpServer CANARY = FakeUpstream.echoing("canary");
  private static final FakeHttpServer LONE = FakeUpstream.echoing("lone");

  @Deployment(testable = false)
  static WebArchive deployment() {
    REGISTRY.putWithMeta(
        "weighted",
        ordered(HEAVY.addr(), Map.of("weight", "3"), LIGHT.addr(), Map.of("weight", "1")));
    // Without the rule the weights would give the canary 1 request in 6.
    REGISTRY.putWithMeta(
        "canaried",
        ordered(
            STABLE.addr(),
            Map.of("version", "1.0", "weight", "5"),
            CANARY.addr(),
            Map.of("version", "2.0")));
    REGISTRY.putWithMeta("lonely", LONE.addr(), Map.of("version", "1.0"));
    return GatewayDeployment.of(
        REGISTRY.url(),
        "gateway.canary=canaried=2.0@10, lonely=3.0@50",
        "gateway.version-header.allowed-from=127.0.0.1/32");
  }

  @BeforeAll
  static void awaitCatalogue() {
    awaitRoutes("weighted", "canaried", "lonely");
  }

  @AfterAll
  static void stopFakes() {
    List.of(HEAVY, LIGHT, STABLE, CANARY, LONE).forEach(FakeHttpServer::close);
    REGISTRY.close();
  }

  @Test
  void weightsThreeAndOneShareTheRequestsThreeToOne() {
    Map<String, Integer> upstreams = Load.upstreams("/weighted/hello", REQUESTS);

    assertThat(upstreams.getOrDefault("heavy", 0) / (double) REQUESTS)
        .as("share of heavy in %s", upstreams)
        .isCloseTo(0.75, within(0.03));
    assertThat(upstreams.keySet()).containsExactlyInAnyOrder("heavy", "light");
  }

  @Test
  void aTenPercentCanaryGetsTenPercentOfTheRequests() {
    Map<String, Integer> upstreams = Load.upstreams("/canaried/hello", REQUESTS);

    assertThat(upstreams.getOrDefault("canary", 0) / (double) REQUESTS)
        .as("share of the canary in %s", upstreams)
        .isCloseTo(0.10, within(0.02));
    assertThat(upstreams.keySet()).containsExactlyInAnyOrder("stable", "canary");
  }

  @Test
  void theTestersHeaderFromAnAllowedCallerReachesTheVersionAsked() {
    for (int i = 0; i < 10; i++) {
      HttpResponse<String> canary = send(get("/canaried/hello").header(HEADER, "2.0"));
      HttpResponse<String> stable = send(get("/canaried/hello").header(HEADER, "1.0"));

      assertThat(canary.statusCode()).as("with 2.0: %s", canary.body()).isEqualTo(200);
      assertThat(canary.headers().firstValue("X-Upstream")).hasValue("canary");
      assertThat(stable.headers().firstValue("X-Upstream")).hasValue("stable");
    }
  }

  @Test
  void theTestersHeaderFromAnotherCallerIsIgnored() {
    List<String> upstreams =
        IntStream.range(0, 10).mapToObj(i -> upstreamFrom("127.0.0.2", "2.0")).toList();

    assertThat(upstreams).contains("stable").containsOnly("stable", "canary");
  }

  @Test
  void anAllowedCallersInvalidVersionIs400() {
    HttpResponse<String> answer = send(get("/canaried/hello").header(HEADER, "v".repeat(513)));

    assertThat(answer.statusCode()).as("GET /canaried/hello: %s", answer.body()).isEqualTo(400);
    assertThat(Http.json(answer).asJsonObject().getString("error")).startsWith(HEADER + ": ");
  }

  @Test
  void requestsMeantForAVersionWithoutInstanceGoToTheOtherInstances() {
    for (int i = 0; i < 10; i++) {
      HttpResponse<String> answer = send(get("/lonely/hello"));
      HttpResponse<String> asked = send(get("/lonely/hello").header(HEADER, "7.7"));

      assertThat(answer.statusCode()).as("GET /lonely/hello: %s", answer.body()).isEqualTo(200);
      assertThat(answer.headers().firstValue("X-Upstream")).hasValue("lone");
      assertThat(asked.headers().firstValue("X-Upstream")).hasValue("lone");
    }
  }

  @Test
  void theRoutesListShowTheCanaryRulesInForce() {
    HttpResponse<String> answer = send(get("/").header("Accept", "application/json"));

    Map<String, JsonObject> routes = new LinkedHashMap<>();
    Http.json(answer).asJsonObject().getJsonArray("services").stream()
        .map(JsonObject.class::cast)
        .forEach(route -> routes.put(route.getString("name"), route));
    assertThat(routes.get("canaried").getJsonObject("canary").getString("version"))
        .isEqualTo("2.0");
    assertThat(routes.get("canaried").getJsonObject("canary").getInt("percent")).isEqualTo(10);
    assertThat(routes.get("weighted").containsKey("canary")).isFalse();
    assertThat(send(get("/").header("Accept", "text/html")).body()).contains("2.0 at 10 %");
  }

  /** The X-Upstream of a GET /canaried/hello sent from {@code from} asking for {@code version}. */
  private static String upstreamFrom(String from, String version) {
    try (RawHttpConnection connection =
        RawHttpConnection.openFrom(InetAddress.getByName(from), GatewayDeployment.HOST)) {
      connection.send(
          "GET /canaried/hello HTTP/1.1\r\nHost: "
              + GatewayDeployment.HOST
              + "\r\n"
              + HEADER
              + ": "
              + version
              + "\r\nConnection: close\r\n\r\n");
      String head = new String(connection.read(65_536), StandardCharsets.ISO_8859_1);
      assertThat(head).as("answer from %s", from).startsWith("HTTP/1.1 200");
      return head.lines()
          .filter(line -> line.regionMatches(true, 0, "X-Upstream:", 0, 11))
          .map(line -> line.substring(11).trim())
          .findFirst()
          .orElseThrow();
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Map<String, String>> ordered(
      String firstAddr, Map<String, String> first, String secondAddr, Map<String, String> second) {
    Map<String, Map<String, String>> instances = new LinkedHashMap<>();
    instances.put(firstAddr, first);
    instances.put(secondAddr, second);
    return instances;
  }
}
