package org.servicegrid.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.servicegrid.testsupport.ServiceInfoJson.serviceInfo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.servicegrid.testsupport.FakeInstance;
import org.servicegrid.testsupport.Http;
import org.servicegrid.testsupport.RecordedRequest;
import org.servicegrid.testsupport.TestTokens;

/**
 * Two registry nodes as on two machines, the way {@code REGISTRY_HOSTS=127.0.1.1,127.0.1.2
 * ./run.sh} starts them: each bound to its own loopback address ({@code HTTP_HOST} and {@code
 * REGISTRY_CLUSTER_HOST}) on the same HTTP port and the same cluster port, the members listed by
 * address. A registration through one node is listed by the other and notified to a dependent
 * registered through the other.
 */
@Order(-3)
@StartsItsOwnSystem
class RegistryHostsIT {

  private static final int HTTP_PORT = 21400;
  private static final int CLUSTER_PORT = 21450;
  private static final List<Node> NODES =
      List.of(new Node("hosts-node-1", "127.0.1.1"), new Node("hosts-node-2", "127.0.1.2"));
  private static final String MEMBERS =
      NODES.stream().map(n -> n.host() + ":" + CLUSTER_PORT).collect(Collectors.joining(","));
  private static final String PREFIX = "hosts-" + UUID.randomUUID().toString().substring(0, 8);
  private static final Duration VISIBLE_BOUND = Duration.ofSeconds(10);

  private static final FakeInstance DEPENDENT = new FakeInstance();
  private static final FakeInstance INSTANCE = new FakeInstance();

  private record Node(String name, String host) {
    String url(String path) {
      return "http://" + host + ":" + HTTP_PORT + path;
    }

    Map<String, String> environment() {
      Path output = Server.wlpHome().resolve("usr/instances").resolve(name);
      return Map.of(
          "WLP_OUTPUT_DIR",
          output.toString(),
          "HTTP_HOST",
          host,
          "HTTP_PORT",
          String.valueOf(HTTP_PORT),
          "REGISTRY_CLUSTER_NAME",
          "servicegrid-hosts-it",
          "REGISTRY_CLUSTER_HOST",
          host,
          "REGISTRY_CLUSTER_PORT",
          String.valueOf(CLUSTER_PORT),
          "REGISTRY_CLUSTER_MEMBERS",
          MEMBERS);
    }
  }

  @BeforeAll
  static void startTwoNodes() {
    InParallel.forEach(
        NODES,
        node ->
            assertThat(Server.command("start", "registry", node.environment()))
                .as("exit code of server start registry for %s", node.name())
                .isZero());
    Server.awaitUntilStarted(
        () -> {
          for (Node node : NODES) {
            assertThat(Http.get(node.url("/health/ready")).body())
                .as("%s ready in a cluster of two", node.url("/health/ready"))
                .contains("\"clusterMembers\":2");
          }
        });
  }

  @AfterAll
  static void stopNodes() {
    try {
      NODES.forEach(node -> Server.command("stop", "registry", node.environment()));
    } finally {
      DEPENDENT.stop();
      INSTANCE.stop();
    }
  }

  @Test
  void aRegistrationThroughOneHostIsListedByTheOtherAndNotified() {
    Node first = NODES.get(0);
    Node second = NODES.get(1);
    DEPENDENT.registerWith(second.url(""), PREFIX + "-front", PREFIX + "-back");

    Http.assertStatus(
        TestTokens.send(
            "POST",
            first.url("/services"),
            serviceInfo(PREFIX + "-back", INSTANCE.addr()),
            TestTokens.admin()),
        200);

    await()
        .atMost(VISIBLE_BOUND)
        .untilAsserted(
            () ->
                assertThat(Http.get(second.url("/services/" + PREFIX + "-back")).body())
                    .as("%s lists the instance registered through %s", second.host(), first.host())
                    .contains(INSTANCE.addr()));
    await().atMost(VISIBLE_BOUND).until(() -> !DEPENDENT.notices().isEmpty());
    RecordedRequest notice = DEPENDENT.notices().get(0);
    assertThat(notice.method()).isEqualTo("POST");
    assertThat(notice.json().getString("Addr")).isEqualTo(INSTANCE.addr());
  }
}
