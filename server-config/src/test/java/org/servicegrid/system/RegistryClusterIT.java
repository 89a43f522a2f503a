package org.servicegrid.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.servicegrid.testsupport.ServiceInfoJson.serviceInfo;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.servicegrid.testsupport.FakeInstance;
import org.servicegrid.testsupport.Http;
import org.servicegrid.testsupport.RecordedRequest;
import org.servicegrid.testsupport.TestTokens;

/**
 * Three registry nodes sharing one table: the registry server's own server.xml and WAR from the
 * build's install, started three times with {@code bin/server start registry}, each with its own
 * Liberty output directory ({@code WLP_OUTPUT_DIR=usr/instances/<node>}), HTTP port (20010-20012)
 * and cluster port (20060-20062). A change through one node is seen on the others and notified
 * once; after one node is killed (kill -9) while registrations go on, every acknowledged
 * registration is still there, and the survivors evict silenced instances, including those the dead
 * node was checking, and tell their dependents.
 */
@Order(-3)
@StartsItsOwnSystem
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryClusterIT {

  private static final Logger LOG = Logger.getLogger(RegistryClusterIT.class.getName());
  private static final List<Node> NODES =
      List.of(
          new Node("cluster-node-1", 20010, 20060),
          new Node("cluster-node-2", 20011, 20061),
          new Node("cluster-node-3", 20012, 20062));
  private static final String MEMBERS =
      NODES.stream().map(n -> "127.0.0.1:" + n.clusterPort()).collect(Collectors.joining(","));

  /** The default member timeout (registry.cluster.member-timeout) plus the takeover. */
  private static final Duration MEMBER_TIMEOUT = Duration.ofSeconds(5);

  private static final Duration VISIBLE_BOUND = Duration.ofSeconds(5);
  private static final int MORTALS = 12;

  private static final String PREFIX = "cl-" + UUID.randomUUID().toString().substring(0, 8) + "-";
  private static final List<FakeInstance> FAKES = new ArrayList<>();
  private static final Set<Node> KILLED = ConcurrentHashMap.newKeySet();

  private record Node(String name, int httpPort, int clusterPort) {
    String url(String path) {
      return "http://127.0.0.1:" + httpPort + path;
    }

    Path outputDir() {
      return Server.wlpHome().resolve("usr/instances").resolve(name);
    }

    Map<String, String> environment() {
      return Map.of(
          "WLP_OUTPUT_DIR",
          outputDir().toString(),
          "HTTP_PORT",
          String.valueOf(httpPort),
          "REGISTRY_CLUSTER_NAME",
          "servicegrid-cluster-it",
          "REGISTRY_CLUSTER_PORT",
          String.valueOf(clusterPort),
          "REGISTRY_CLUSTER_MEMBERS",
          MEMBERS);
    }

    long pid() throws IOException {
      return Long.parseLong(Files.readString(outputDir().resolve(".pid/registry.pid")).trim());
    }
  }

  @BeforeAll
  static void startThreeNodes() {
    InParallel.forEach(
        NODES,
        node ->
            assertThat(Server.command("start", "registry", node.environment()))
                .as("exit code of server start registry for %s", node.name())
                .isZero());
    Server.awaitUntilStarted(
        () -> {
          for (Node node : NODES) {
            HttpResponse<String> ready = Http.get(node.url("/health/ready"));
            assertThat(ready.statusCode()).as(node.url("/health/ready")).isEqualTo(200);
            assertThat(ready.body())
                .as("%s sees three members", node.name())
                .contains("\"clusterMembers\":3");
            assertThat(Http.get(node.url("/services/" + PREFIX + "warm-up")).statusCode())
                .isEqualTo(200); // first call
          }
        });
  }

  @AfterAll
  static void stopNodes() {
    try {
      for (Node node : NODES) {
        if (!KILLED.contains(node)) {
          Server.command(
              "stop",
              "registry",
              node.environment()); // whatever it answers: it may not have started
        }
      }
    } finally {
      FAKES.forEach(FakeInstance::stop);
    }
  }

  @Test
  @Order(1)
  void aChangeThroughOneNodeIsSeenOnEveryNodeAndNotifiedOnce() throws Exception {
    FakeInstance dependent = fake();
    FakeInstance instance = fake();
    dependent.registerWith(NODES.get(0).url(""), PREFIX + "front", PREFIX + "back");
    String back = serviceInfo(PREFIX + "back", instance.addr());

    for (Node node : NODES) {
      assertThat(gauge(node, "registry_cluster_members"))
          .as("cluster members %s sees", node.name())
          .isEqualTo(3.0);
    }
    long start = System.nanoTime();
    Http.assertStatus(
        TestTokens.send("POST", NODES.get(0).url("/services"), back, TestTokens.admin()), 200);
    long answered = System.nanoTime();
    List<Long> seen = new ArrayList<>();
    for (Node node : NODES) {
      await()
          .atMost(VISIBLE_BOUND)
          .pollInterval(Duration.ofMillis(5))
          .until(() -> addrs(node, PREFIX + "back").contains(instance.addr()));
      seen.add((System.nanoTime() - answered) / 1_000_000);
    }
    LOG.info(
        () ->
            "A registration through node 1 was answered after "
                + (answered - start) / 1_000_000
                + " ms, then seen on nodes 1, 2, 3 after "
                + seen
                + " ms");

    Http.assertStatus(
        TestTokens.send("DELETE", NODES.get(2).url("/services"), back, TestTokens.admin()), 200);
    for (Node node : NODES) {
      await()
          .atMost(VISIBLE_BOUND)
          .pollInterval(Duration.ofMillis(5))
          .until(() -> addrs(node, PREFIX + "back").isEmpty());
    }
    await().atMost(VISIBLE_BOUND).until(() -> dependent.notices().size() >= 2);
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(() -> dependent.notices().size() == 2); // and no third one
    assertThat(dependent.notices())
        .extracting(RecordedRequest::method)
        .containsExactly("POST", "DELETE");
    assertThat(dependent.notices())
        .allSatisfy(n -> assertThat(n.json().getString("Addr")).isEqualTo(instance.addr()));
  }

  @Test
  @Order(2)
  void afterANodeIsKilledWhileRegistrationsGoOnTheSurvivorsKeepEveryOneAndEvictSilencedInstances()
      throws Exception {
    Node victim = NODES.get(1);
    List<Node> survivors = List.of(NODES.get(0), NODES.get(2));
    FakeInstance watcher = fake();
    watcher.registerWith(NODES.get(0).url(""), PREFIX + "watcher", PREFIX + "mortal");
    List<FakeInstance> mortals = new ArrayList<>();
    for (int i = 0;
        i < MORTALS;
        i++) { // spread over the partitions: some are checked by the victim
      FakeInstance mortal = fake();
      mortal.registerWith(NODES.get(i % 3).url(""), PREFIX + "mortal");
      mortals.add(mortal);
    }
    List<FakeInstance> hosts = List.of(fake(), fake(), fake(), fake());
    List<String> acknowledged = new ArrayList<>();

    for (int i = 0; i < 120; i++) {
      if (i == 30) {
        kill(victim);
      }
      String addr = hosts.get(i % hosts.size()).addr();
      String name = PREFIX + "batch-" + i;
      HttpResponse<String> answer =
          TestTokens.send(
              "POST",
              survivors.get(i % 2).url("/services"),
              serviceInfo(name, addr),
              TestTokens.admin());
      if (answer.statusCode() == 200) {
        acknowledged.add(name + "@" + addr);
      }
    }

    assertThat(acknowledged).as("registrations answered 200").hasSizeGreaterThan(100);
    for (Node survivor : survivors) {
      await()
          .atMost(VISIBLE_BOUND)
          .untilAsserted(
              () ->
                  assertThat(instances(survivor, PREFIX + "batch-"))
                      .as("acknowledged registrations on %s", survivor.name())
                      .containsAll(acknowledged));
    }

    for (Node survivor : survivors) {
      await()
          .atMost(MEMBER_TIMEOUT.plus(VISIBLE_BOUND))
          .untilAsserted(
              () ->
                  assertThat(gauge(survivor, "registry_cluster_members"))
                      .as("cluster members %s sees after the kill", survivor.name())
                      .isEqualTo(2.0));
      assertThat(gauge(survivor, "registry_cluster_configured_members")).isEqualTo(3.0);
    }

    long silenced = System.nanoTime();
    mortals.forEach(FakeInstance::stopAnsweringHeartBeats);
    Set<String> mortalAddrs = mortals.stream().map(FakeInstance::addr).collect(Collectors.toSet());
    await()
        .atMost(Server.EVICTION_BOUND.plus(MEMBER_TIMEOUT))
        .untilAsserted(
            () -> {
              for (Node survivor : survivors) {
                assertThat(addrs(survivor, PREFIX + "mortal"))
                    .as("mortals on %s", survivor.name())
                    .isEmpty();
              }
              assertThat(lastNoticePerAddr(watcher))
                  .as("the watcher's last notice per mortal")
                  .isEqualTo(mortalAddrs.stream().collect(Collectors.toMap(a -> a, a -> "DELETE")));
            });
    LOG.info(
        () ->
            "Survivors evicted "
                + MORTALS
                + " silenced instances and told their dependent after "
                + (System.nanoTime() - silenced) / 1_000_000
                + " ms");
  }

  private static void kill(Node node) throws Exception {
    long pid = node.pid();
    KILLED.add(node);
    ProcessHandle.of(pid)
        .ifPresent(ProcessHandle::destroyForcibly); // SIGKILL: no shutdown, no goodbye
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    LOG.info(() -> "Killed " + node.name() + " (pid " + pid + ")");
  }

  private static Map<String, String> lastNoticePerAddr(FakeInstance watcher) {
    Map<String, String> last = new java.util.HashMap<>();
    for (RecordedRequest notice : watcher.notices()) {
      last.put(notice.json().getString("Addr"), notice.method());
    }
    return last;
  }

  private static FakeInstance fake() {
    FakeInstance fake = new FakeInstance();
    FAKES.add(fake);
    return fake;
  }

  private static List<String> addrs(Node node, String name) {
    HttpResponse<String> answer = Http.get(node.url("/services/" + name));
    assertThat(answer.statusCode()).as("GET %s", node.url("/services/" + name)).isEqualTo(200);
    return Http.json(answer).asJsonArray().stream()
        .map(v -> v.asJsonObject().getString("Addr"))
        .toList();
  }

  /** Name@Addr of every instance on {@code node} whose name starts with {@code prefix}. */
  private static List<String> instances(Node node, String prefix) {
    HttpResponse<String> answer = Http.get(node.url("/services"));
    assertThat(answer.statusCode()).as("GET %s", node.url("/services")).isEqualTo(200);
    JsonObject all = Http.json(answer).asJsonObject();
    List<String> found = new ArrayList<>();
    all.forEach(
        (name, instances) -> {
          if (name.startsWith(prefix)) {
            ((JsonArray) instances)
                .forEach(i -> found.add(name + "@" + i.asJsonObject().getString("Addr")));
          }
        });
    return found;
  }

  /**
   * An application gauge of {@code node}'s {@code /metrics}, e.g. {@code registry_cluster_members}.
   */
  private static double gauge(Node node, String name) throws Exception {
    return Prometheus.scrape(node.url("/metrics?scope=application")).value(name);
  }
}
