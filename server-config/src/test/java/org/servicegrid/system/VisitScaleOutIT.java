package org.servicegrid.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.servicegrid.testsupport.FakeLog;
import org.servicegrid.testsupport.FakeRegistry;
import org.servicegrid.testsupport.Http;

/**
 * Scale-out of the visit service: two more instances of the visit server from the build's install
 * (its server.xml and WAR, each with an output directory of its own, ports 20005 and 20006), both
 * with {@code VISIT_DB=postgresql} on the test database of the local PostgreSQL cluster that {@code
 * scripts/ensure-postgresql.sh} prepares, finding a fake log through a fake registry. Concurrent
 * visits spread over both are numbered exactly, a restarted instance continues from the shared
 * count, and an instance without its database answers 503 and counts nothing.
 */
@Order(-1)
// Starts servers of its own, but runs in the shared system's lane, which is shorter than the lane
// of the other classes that do; it shares the PostgreSQL test database with KillNineFailoverIT.
@ResourceLock(SharedSystem.LOCK)
@ResourceLock(TestDatabase.LOCK)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VisitScaleOutIT {

  private static final Duration LOAD_BOUND = Duration.ofSeconds(60);

  private static final FakeLog LOG = FakeLog.start();
  private static final FakeRegistry REGISTRY = FakeRegistry.started();
  private static final List<ServerInstance> INSTANCES =
      List.of(
          Server.VISIT.instance("visit-scale-a", 20005, environment()),
          Server.VISIT.instance("visit-scale-b", 20006, environment()));

  @BeforeAll
  static void startTwoVisitInstancesOnPostgresql() {
    REGISTRY.put("log", LOG.addr());
    TestDatabase.dropVisitCount();
    INSTANCES.forEach(ServerInstance::deleteOutput);
    InParallel.forEach(INSTANCES, ServerInstance::start);
    INSTANCES.forEach(ServerInstance::awaitReady);
  }

  @AfterAll
  static void stopInstances() {
    try {
      INSTANCES.forEach(ServerInstance::stop); // whatever it answers: it may not have started
    } finally {
      LOG.close();
      REGISTRY.close();
    }
  }

  @Test
  @Order(1)
  void
      sixtyFourConcurrentVisitsOverTwoInstancesAreNumberedOneToSixtyFourAndARestartedInstanceCountsOn() {
    List<CompletableFuture<HttpResponse<String>>> visits = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      visits.add(Http.sendAsync(Http.request(INSTANCES.get(i % 2).url("/")).GET()));
    }
    List<Long> numbers = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> visit : visits) {
      HttpResponse<String> response = visit.join();
      assertThat(response.statusCode())
          .as("GET / of a visit instance on PostgreSQL: %s", response.body())
          .isEqualTo(200);
      numbers.add(Long.parseLong(response.body().trim()));
    }

    List<Long> expected = LongStream.rangeClosed(1, 64).boxed().toList();
    assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(LOG.messages())
        .containsExactlyElementsOf(expected.stream().map(String::valueOf).toList());

    ServerInstance restarted = INSTANCES.get(1);
    assertThat(restarted.stop()).as("exit code of stopping %s", restarted.id()).isZero();
    restarted.start();
    restarted.awaitReady();
    assertThat(visit(restarted)).isEqualTo("65");
    assertThat(visit(INSTANCES.get(0))).isEqualTo("66");
  }

  @Test
  @Order(2)
  void anInstanceWhoseDatabaseDoesNotAnswerRefusesVisitsWith503AndTheSharedCountStays() {
    long before = Long.parseLong(visit(INSTANCES.get(0)));
    ServerInstance cut =
        INSTANCES
            .get(1)
            .with(Map.of("VISIT_DB_URL", "jdbc:postgresql://127.0.0.1:1/servicegrid_test"));
    assertThat(cut.stop()).as("exit code of stopping %s", cut.id()).isZero();
    cut.start();
    cut.awaitReady();

    HttpResponse<String> refused = Http.get(cut.url("/"));

    assertThat(refused.statusCode()).as("GET %s without its database", cut.url("/")).isEqualTo(503);
    assertThat(refused.body()).contains("\"error\"").contains("visit count storage unavailable");
    assertThat(visit(INSTANCES.get(0))).isEqualTo(String.valueOf(before + 1));
    assertThat(LOG.messages()).last().isEqualTo(String.valueOf(before + 1));
  }

  /**
   * The database goes away under load (every connection of one instance cut, new ones refused) and
   * comes back: meanwhile its visits answer 503, never another error, and the count stays exact: no
   * number answered twice, every number answered was logged, and every number the count passed was
   * answered or logged (none lost).
   */
  @Test
  @Order(3)
  void aDatabaseLostUnderLoadMeans503sAndTheCountStaysExactAfterItComesBack() {
    try (TcpRelay database = TcpRelay.to(TestDatabase.PORT)) {
      ServerInstance relayed =
          INSTANCES.get(1).with(Map.of("VISIT_DB_URL", TestDatabase.urlThrough(database.port())));
      relayed.stop(); // whatever it answers: the test before left another configuration running
      relayed.start();
      relayed.awaitReady();
      long before = Long.parseLong(visit(INSTANCES.get(0)));

      List<Visitors.Answer> answers;
      try (Visitors visitors = Visitors.start(4, relayed.url("/"))) {
        visitors.awaitAnswers(40, LOAD_BOUND);
        database.cut();
        visitors.awaitStatus(503, LOAD_BOUND);
        visitors.awaitAnswers(20, LOAD_BOUND);
        database.restore();
        visitors.awaitStatus(200, LOAD_BOUND);
        visitors.awaitAnswers(40, LOAD_BOUND);
        answers = visitors.stop();
      }

      assertThat(answers)
          .as("answers while the database went away and came back")
          .extracting(Visitors.Answer::status)
          .containsOnly(200, 503);
      List<Long> counted =
          answers.stream().filter(Visitors.Answer::counted).map(Visitors.Answer::number).toList();
      long after = Long.parseLong(visit(INSTANCES.get(0)));
      Set<Long> logged =
          LOG.messages().stream().map(Long::valueOf).collect(Collectors.toUnmodifiableSet());
      assertThat(counted)
          .as("numbers answered 200")
          .doesNotHaveDuplicates()
          .allMatch(number -> number > before && number < after)
          .allMatch(logged::contains);
      // A group whose commit went through while its connection was cut answered 503: its numbers
      // are counted and logged, never answered. Any other number missing would be lost.
      assertThat(
              LongStream.range(before + 1, after)
                  .filter(number -> !counted.contains(number) && !logged.contains(number))
                  .boxed()
                  .toList())
          .as("numbers the count passed that were neither answered nor logged")
          .isEmpty();
    }
  }

  private static String visit(ServerInstance instance) {
    HttpResponse<String> response = Http.get(instance.url("/"));
    assertThat(response.statusCode())
        .as("GET %s: %s", instance.url("/"), response.body())
        .isEqualTo(200);
    return response.body().trim();
  }

  /**
   * The fake registry, the PostgreSQL test database, and no readiness drop while the fake registry
   * is quiet.
   */
  private static Map<String, String> environment() {
    Map<String, String> environment = new HashMap<>(TestDatabase.visitEnvironment());
    environment.put("REGISTRY_PORT", String.valueOf(REGISTRY.server().port()));
    environment.put("REGISTRY_CLIENT_REGISTRY_SILENCE", "600000");
    return environment;
  }
}
