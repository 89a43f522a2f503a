package org.servicegrid.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.servicegrid.testsupport.Http;

/**
 * N instances of every service, and kill -9: a system of its own from the build's install, laid out
 * as {@code ./run.sh} scales out (one registry, one gateway, two log and two visit instances on
 * ports 20400..20413, each an instance of the product server with its own output directory, the
 * visit count in PostgreSQL's test database). Eight clients visit through the gateway while one
 * visit instance and then one log instance are killed with SIGKILL: no visit fails (the gateway
 * tries the other visit instance, a visit tries the other log instance), no number is answered
 * twice, and every number answered is in one of the two log files.
 */
@Order(-4)
@StartsItsOwnSystem
@ResourceLock(TestDatabase.LOCK)
class KillNineFailoverIT {

  private static final int CLIENTS = 8;

  /**
   * Visits answered between two steps of the scenario: enough for the load to reach every instance.
   */
  private static final int VISITS_PER_STEP = 150;

  private static final Duration STEP_BOUND = Duration.ofSeconds(90);

  private static final ServerInstance REGISTRY =
      Server.REGISTRY.instance(
          "kill9-registry",
          20400,
          Map.of("REGISTRY_CLUSTER_PORT", "20450", "REGISTRY_CLUSTER_MEMBERS", "127.0.0.1:20450"));
  private static final Map<String, String> SERVICE = Map.of("REGISTRY_URLS", REGISTRY.url(""));
  private static final ServerInstance GATEWAY =
      Server.GATEWAY.instance("kill9-gateway", 20401, SERVICE);
  private static final ServerInstance LOG_A = Server.LOG.instance("kill9-log-a", 20402, SERVICE);
  private static final ServerInstance LOG_B = Server.LOG.instance("kill9-log-b", 20412, SERVICE);
  private static final ServerInstance VISIT_A =
      Server.VISIT.instance("kill9-visit-a", 20403, visitEnvironment());
  private static final ServerInstance VISIT_B =
      Server.VISIT.instance("kill9-visit-b", 20413, visitEnvironment());
  private static final List<ServerInstance> ALL =
      List.of(REGISTRY, GATEWAY, LOG_A, LOG_B, VISIT_A, VISIT_B);

  @BeforeAll
  static void startTheSystem() {
    TestDatabase.dropVisitCount();
    ALL.forEach(ServerInstance::deleteOutput);
    InParallel.forEach(ALL, ServerInstance::start);
    ALL.forEach(ServerInstance::awaitReady);
    Server.awaitUntilStarted(
        () -> {
          assertThat(Http.get(REGISTRY.url("/services/log")).body())
              .contains(addr(LOG_A), addr(LOG_B));
          assertThat(Http.get(REGISTRY.url("/services/visit")).body())
              .contains(addr(VISIT_A), addr(VISIT_B));
          assertThat(Http.get(GATEWAY.url("/")).body())
              .contains("{\"instances\":2,\"name\":\"visit\"");
        });
  }

  /**
   * The services first, so that they can deregister; whatever each answers: killed instances are
   * not running.
   */
  @AfterAll
  static void stopTheSystem() {
    InParallel.forEach(ALL.subList(1, ALL.size()), ServerInstance::stop);
    REGISTRY.stop();
  }

  @Test
  void eightClientsLoseNoVisitAndGetOnlyLoggedUniqueNumbersWhileAVisitAndALogInstanceAreKilled()
      throws Exception {
    try (Visitors visitors = Visitors.start(CLIENTS, GATEWAY.url("/visit/"))) {
      visitors.awaitAnswers(VISITS_PER_STEP, STEP_BOUND);
      assertThat(visitsCounted(VISIT_B))
          .as("visits counted by %s before it is killed", VISIT_B.id())
          .isPositive();
      assertThat(LOG_B.logLines())
          .as("lines written by %s before it is killed", LOG_B.id())
          .isNotEmpty();

      VISIT_B.kill();
      visitors.awaitAnswers(VISITS_PER_STEP, STEP_BOUND);
      LOG_B.kill();
      visitors.awaitAnswers(VISITS_PER_STEP, STEP_BOUND);
      await()
          .atMost(Server.EVICTION_BOUND)
          .pollInterval(Duration.ofMillis(200))
          .untilAsserted(
              () -> {
                assertThat(Http.get(REGISTRY.url("/services/visit")).body())
                    .doesNotContain(addr(VISIT_B));
                assertThat(Http.get(REGISTRY.url("/services/log")).body())
                    .doesNotContain(addr(LOG_B));
              });
      visitors.awaitAnswers(VISITS_PER_STEP, STEP_BOUND);

      List<Visitors.Answer> answers = visitors.stop();
      assertThat(answers)
          .as("visits through the gateway that did not answer 200")
          .filteredOn(answer -> !answer.counted())
          .isEmpty();
      List<Long> numbers = answers.stream().map(Visitors.Answer::number).toList();
      assertThat(numbers).as("numbers answered").doesNotHaveDuplicates();
      Set<Long> logged = new HashSet<>(loggedVisits(LOG_A));
      logged.addAll(loggedVisits(LOG_B));
      assertThat(numbers)
          .as("numbers answered that are in neither log file")
          .allMatch(logged::contains);
    }
  }

  private static Map<String, String> visitEnvironment() {
    Map<String, String> environment = new HashMap<>(SERVICE);
    environment.putAll(TestDatabase.visitEnvironment());
    return environment;
  }

  private static String addr(ServerInstance instance) {
    return "127.0.0.1:" + instance.port();
  }

  private static double visitsCounted(ServerInstance visit) throws Exception {
    return Prometheus.scrape(visit.url("/metrics?scope=application"))
        .value("visit_visits_counted_total");
  }

  /** The visit numbers in an instance's log file; a line cut short by the kill is skipped. */
  private static List<Long> loggedVisits(ServerInstance log) {
    List<Long> visits = new ArrayList<>();
    for (String line : log.logLines()) {
      try {
        LogLine parsed = LogLine.parse(line);
        if (parsed.caller().equals("visit")) {
          visits.add(parsed.count());
        }
      } catch (RuntimeException e) {
        // not a whole line: it cannot hold a number that was answered
      }
    }
    return visits;
  }
}
