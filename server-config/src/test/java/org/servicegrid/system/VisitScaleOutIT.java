package org.servicegrid.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.servicegrid.testsupport.FakeLog;
import org.servicegrid.testsupport.FakeRegistry;
import org.servicegrid.testsupport.Http;

/**
 * Scale-out of the visit service: two more visit servers from the build's install (the visit server's own
 * server.xml and WAR, ports 20005 and 20006), both with {@code VISIT_DB=postgresql} on the test database of
 * the local PostgreSQL cluster that {@code scripts/ensure-postgresql.sh} prepares, finding a fake log through a
 * fake registry. Concurrent visits spread over both are numbered exactly, a restarted instance continues
 * from the shared count, and an instance without its database answers 503 and counts nothing.
 */
@Order(200)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VisitScaleOutIT {

  private static final String DB_URL = "jdbc:postgresql://127.0.0.1:5432/servicegrid_test";
  private static final String DB_USER = "servicegrid";
  private static final String DB_PASSWORD = "servicegrid";
  private static final List<Instance> INSTANCES = List.of(new Instance("visit-scale-a", 20005),
      new Instance("visit-scale-b", 20006));

  private static final FakeLog LOG = FakeLog.start();
  private static final FakeRegistry REGISTRY = FakeRegistry.started();

  private record Instance(String name, int port) {
    String url(String path) {
      return "http://127.0.0.1:" + port + path;
    }
  }

  @BeforeAll
  static void startTwoVisitInstancesOnPostgresql() throws Exception {
    REGISTRY.put("log", LOG.addr());
    try (Connection connection = DriverManager.getConnection(DB_URL, DB_USER, DB_PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS visit_count");
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL does not answer at " + DB_URL
          + "; start and prepare it with scripts/ensure-postgresql.sh (./test.sh does): " + e, e);
    }
    for (Instance instance : INSTANCES) {
      create(instance);
    }
    List<CompletableFuture<Void>> starts = new ArrayList<>();
    for (Instance instance : INSTANCES) {
      starts.add(CompletableFuture.runAsync(() -> serverCommand("start", instance)));
    }
    starts.forEach(CompletableFuture::join);
    INSTANCES.forEach(VisitScaleOutIT::awaitReady);
  }

  @AfterAll
  static void stopInstances() {
    try {
      INSTANCES.forEach(instance -> run("stop", instance, Map.of())); // whatever it answers: it may not have started
    } finally {
      LOG.close();
      REGISTRY.close();
    }
  }

  @Test
  @Order(1)
  void sixtyFourConcurrentVisitsOverTwoInstancesAreNumberedOneToSixtyFourAndARestartedInstanceCountsOn() {
    List<CompletableFuture<HttpResponse<String>>> visits = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      visits.add(Http.sendAsync(Http.request(INSTANCES.get(i % 2).url("/")).GET()));
    }
    List<Long> numbers = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> visit : visits) {
      HttpResponse<String> response = visit.join();
      assertThat(response.statusCode()).as("GET / of a visit instance on PostgreSQL: %s", response.body())
          .isEqualTo(200);
      numbers.add(Long.parseLong(response.body().trim()));
    }

    List<Long> expected = LongStream.rangeClosed(1, 64).boxed().toList();
    assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(LOG.messages()).containsExactlyElementsOf(expected.stream().map(String::valueOf).toList());

    Instance restarted = INSTANCES.get(1);
    serverCommand("stop", restarted);
    serverCommand("start", restarted);
    awaitReady(restarted);
    assertThat(visit(restarted)).isEqualTo("65");
    assertThat(visit(INSTANCES.get(0))).isEqualTo("66");
  }

  @Test
  @Order(2)
  void anInstanceWhoseDatabaseDoesNotAnswerRefusesVisitsWith503AndTheSharedCountStays() {
    Instance cut = INSTANCES.get(1);
    long before = Long.parseLong(visit(INSTANCES.get(0)));
    serverCommand("stop", cut);
    serverCommand("start", cut, Map.of("VISIT_DB_URL", "jdbc:postgresql://127.0.0.1:1/servicegrid_test"));
    awaitReady(cut);

    HttpResponse<String> refused = Http.get(cut.url("/"));

    assertThat(refused.statusCode()).as("GET %s without its database", cut.url("/")).isEqualTo(503);
    assertThat(refused.body()).contains("\"error\"").contains("visit count storage unavailable");
    assertThat(visit(INSTANCES.get(0))).isEqualTo(String.valueOf(before + 1));
    assertThat(LOG.messages()).last().isEqualTo(String.valueOf(before + 1));
  }

  private static String visit(Instance instance) {
    HttpResponse<String> response = Http.get(instance.url("/"));
    assertThat(response.statusCode()).as("GET %s: %s", instance.url("/"), response.body()).isEqualTo(200);
    return response.body().trim();
  }

  /** A server of its own, with the visit server's configuration and WAR, in the build's install. */
  private static void create(Instance instance) throws Exception {
    Path servers = Server.wlpHome().resolve("usr/servers");
    Path dir = servers.resolve(instance.name());
    if (!Files.exists(dir.resolve("server.xml"))) {
      serverCommand("create", instance);
    }
    Files.createDirectories(dir.resolve("apps"));
    Files.copy(servers.resolve("visit/server.xml"), dir.resolve("server.xml"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(servers.resolve("visit/apps/visit.war"), dir.resolve("apps/visit.war"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  private static void awaitReady(Instance instance) {
    await().atMost(Server.START_BOUND).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
        .untilAsserted(() -> assertThat(Http.get(instance.url("/health/ready")).statusCode())
            .as(instance.url("/health/ready")).isEqualTo(200));
  }

  private static void serverCommand(String action, Instance instance) {
    serverCommand(action, instance, Map.of());
  }

  private static void serverCommand(String action, Instance instance, Map<String, String> environment) {
    assertThat(run(action, instance, environment)).as("exit code of server %s %s", action, instance.name()).isZero();
  }

  /** Runs {@code bin/server action name} with the instance's environment and {@code overrides}; its exit code. */
  private static int run(String action, Instance instance, Map<String, String> overrides) {
    Map<String, String> environment = new HashMap<>(Map.of(
        "HTTP_PORT", String.valueOf(instance.port()),
        "REGISTRY_PORT", String.valueOf(REGISTRY.server().port()),
        "REGISTRY_CLIENT_REGISTRY_SILENCE", "600000",
        "VISIT_DB", "postgresql",
        "VISIT_DB_URL", DB_URL,
        "VISIT_DB_USER", DB_USER,
        "VISIT_DB_PASSWORD", DB_PASSWORD));
    environment.putAll(overrides);
    return Server.command(action, instance.name(), environment);
  }
}
