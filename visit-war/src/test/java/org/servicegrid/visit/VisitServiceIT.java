package org.servicegrid.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.servicegrid.testsupport.ServiceInfoJson.serviceInfo;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.servicegrid.testsupport.Deployments;
import org.servicegrid.testsupport.FakeLog;
import org.servicegrid.testsupport.FakeRegistry;
import org.servicegrid.testsupport.Http;
import org.servicegrid.testsupport.TestTokens;

/**
 * The packaged visit WAR on a real Liberty server at context root "/", with a fake registry that
 * answers one fake log instance, counting in the test server's H2 database (emptied by the build
 * before the tests). The tests run in order because they follow one count from a fresh database.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VisitServiceIT {

  private static final String DEPLOYMENT = "visit";
  private static final String BASE =
      "http://127.0.0.1:" + System.getProperty("arquillian.http.port") + "/";
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private static FakeLog log = FakeLog.start();
  private static final FakeRegistry REGISTRY = FakeRegistry.started();
  private static boolean deployed;

  @ArquillianResource Deployer deployer;

  @Deployment(name = DEPLOYMENT, managed = false, testable = false)
  static WebArchive deployment() {
    // Points the real artifact at the fakes, with a short failure cool-down.
    REGISTRY.put("log", log.addr());
    return Deployments.atRoot(
        Deployments.packagedWar(
            "visit.war",
            Map.of(
                "registry.url",
                REGISTRY.url(),
                "registry.client.failure-cooldown",
                "300",
                "registry.client.registry-silence",
                "600000")));
  }

  @BeforeEach
  void deployOnce() {
    if (!deployed) {
      deploy();
    }
  }

  @AfterAll
  static void stopFakes() {
    log.close();
    REGISTRY.close();
  }

  @Test
  @Order(1)
  void countsOneTwoThreeAndLogsEachCountAsTheVisitService() throws Exception {
    assertThat(List.of(visitOk(), visitOk(), visitOk())).containsExactly("1", "2", "3");

    assertThat(log.messages()).containsExactly("1", "2", "3");
    assertThat(log.lines()).allMatch(line -> "visit".equals(line.caller()), "sent by 'visit'");
  }

  @Test
  @Order(2)
  void refusesAndKeepsTheCountWhileTheLogServiceFails() throws Exception {
    log.failing(true);

    HttpResponse<String> refused = visit();

    assertThat(refused.statusCode()).as("GET %s while the log fails", BASE).isEqualTo(503);
    assertThat(refused.body()).contains("\"error\"").contains("log service unavailable");
    log.failing(false);
    assertThat(visitWhenAvailable()).isEqualTo("4"); // once the failed instance's cool-down is over
    assertThat(log.messages()).containsExactly("1", "2", "3", "4");
  }

  @Test
  @Order(3)
  void refusesWhileTheLogServiceIsGoneAndCountsOnWithTheNextAnnouncedInstance() throws Exception {
    FakeLog gone = log;
    gone.close();

    assertThat(visit().statusCode()).as("GET %s with the log gone", BASE).isEqualTo(503);

    log = FakeLog.start();
    REGISTRY.put("log", log.addr());
    assertThat(notify("POST", log.addr())).isEqualTo(200);
    assertThat(notify("DELETE", gone.addr())).isEqualTo(200);
    assertThat(visitWhenAvailable()).isEqualTo("5");
    assertThat(log.messages()).containsExactly("5");
  }

  @Test
  @Order(4)
  void twentyConcurrentVisitsGetEachNumberOnceWithOneLogLineEach() throws Exception {
    ExecutorService visitors = Executors.newFixedThreadPool(20);
    List<String> counts = new ArrayList<>();
    try {
      List<Future<HttpResponse<String>>> visits = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        visits.add(visitors.submit(this::visit));
      }
      for (Future<HttpResponse<String>> visit : visits) {
        HttpResponse<String> response = visit.get(60, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as("concurrent GET %s", BASE).isEqualTo(200);
        counts.add(response.body());
      }
    } finally {
      visitors.shutdownNow();
    }

    List<String> expected = IntStream.rangeClosed(6, 25).mapToObj(Integer::toString).toList();
    assertThat(counts).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(log.messages())
        .containsExactlyElementsOf(
            IntStream.rangeClosed(5, 25).mapToObj(Integer::toString).toList());
  }

  @Test
  @Order(5)
  void keepsTheCountInTheDatabaseAcrossARedeploy() throws Exception {
    restart();

    assertThat(visitOk()).isEqualTo("26");
  }

  @Test
  @Order(6)
  void publishesMetricsAndAnOpenApiDocument() throws Exception {
    HttpResponse<String> metrics = get("metrics?scope=application");
    HttpResponse<String> openapi = get("openapi");

    assertThat(metrics.statusCode()).as("GET %smetrics", BASE).isEqualTo(200);
    assertThat(metrics.body())
        .contains("visit_visits_counted_total")
        .contains("visit_visits_refused_total")
        .contains("visit_count");
    assertThat(openapi.statusCode()).as("GET %sopenapi", BASE).isEqualTo(200);
    assertThat(openapi.body()).contains("Count a visit").contains("503");
  }

  @Test
  @Order(7)
  void sixtyFourConcurrentVisitsGetEachNumberOnceAndTheLogReceivesEachNumberOnce()
      throws Exception {
    long before = Long.parseLong(visitOk());
    int mark = log.messages().size();

    List<HttpResponse<String>> responses = visitConcurrently(64, 1);

    assertThat(responses)
        .allSatisfy(
            response ->
                assertThat(response.statusCode()).as("concurrent GET %s", BASE).isEqualTo(200));
    List<Long> expected = LongStream.rangeClosed(before + 1, before + 64).boxed().toList();
    assertThat(responses.stream().map(response -> Long.parseLong(response.body())))
        .containsExactlyInAnyOrderElementsOf(expected);
    List<String> logged = log.messages();
    assertThat(logged.subList(mark, logged.size()))
        .containsExactlyElementsOf(expected.stream().map(String::valueOf).toList());
    assertThat(log.lines()).allMatch(line -> "visit".equals(line.caller()), "sent by 'visit'");
  }

  @Test
  @Order(8)
  void refusesTheVisitsOfGroupsTheLogRefusesMidLoadAndCountsOnFromTheLastAcceptedNumber()
      throws Exception {
    long before = Long.parseLong(visitOk());
    int mark = log.messages().size();
    log.acceptAtMost(mark + 100);

    List<HttpResponse<String>> responses = visitConcurrently(64, 5);

    assertThat(responses)
        .allSatisfy(
            response ->
                assertThat(response.statusCode()).as("concurrent GET %s", BASE).isIn(200, 503));
    List<Long> counted =
        responses.stream()
            .filter(response -> response.statusCode() == 200)
            .map(response -> Long.parseLong(response.body()))
            .sorted()
            .toList();
    List<HttpResponse<String>> refused =
        responses.stream().filter(response -> response.statusCode() == 503).toList();
    assertThat(refused)
        .isNotEmpty()
        .allSatisfy(response -> assertThat(response.body()).contains("\"error\""));
    List<String> logged = log.messages();
    List<String> accepted = logged.subList(mark, logged.size());
    assertThat(accepted)
        .hasSizeGreaterThanOrEqualTo(100)
        .containsExactlyElementsOf(
            LongStream.rangeClosed(before + 1, before + accepted.size())
                .mapToObj(String::valueOf)
                .toList());
    assertThat(counted).containsExactlyElementsOf(accepted.stream().map(Long::valueOf).toList());

    log.acceptAtMost(Integer.MAX_VALUE);
    String next = visitWhenAvailable();
    assertThat(next).isEqualTo(String.valueOf(before + accepted.size() + 1));
    assertThat(log.messages()).last().isEqualTo(next);
  }

  @Test
  @Order(9)
  void answersOtherMethodsOnTheRootWith405AndCountsNothing() throws Exception {
    long before = Long.parseLong(visitOk());

    HttpResponse<String> put = Http.send(Http.request(BASE).PUT(BodyPublishers.ofString("x")));

    assertThat(put.statusCode()).as("PUT %s", BASE).isEqualTo(405);
    assertThat(put.body()).contains("\"error\"");
    assertThat(visitOk()).isEqualTo(String.valueOf(before + 1));
  }

  /**
   * {@code visitors} clients at once, each visiting {@code visitsEach} times in a row; every
   * answer.
   */
  private List<HttpResponse<String>> visitConcurrently(int visitors, int visitsEach)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(visitors);
    try {
      List<Future<List<HttpResponse<String>>>> runs = new ArrayList<>();
      for (int i = 0; i < visitors; i++) {
        runs.add(
            pool.submit(
                () -> {
                  List<HttpResponse<String>> answers = new ArrayList<>();
                  for (int j = 0; j < visitsEach; j++) {
                    answers.add(visit());
                  }
                  return answers;
                }));
      }
      List<HttpResponse<String>> responses = new ArrayList<>();
      for (Future<List<HttpResponse<String>>> run : runs) {
        responses.addAll(run.get(120, TimeUnit.SECONDS));
      }
      return responses;
    } finally {
      pool.shutdownNow();
    }
  }

  private void restart() {
    deployer.undeploy(DEPLOYMENT);
    deployed = false;
    deploy();
  }

  private void deploy() {
    deployer.deploy(DEPLOYMENT);
    deployed = true;
    // Ready once registered with the (fake) registry, which answered the log instance.
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> get("health/ready").statusCode() == 200);
  }

  private HttpResponse<String> visit() throws Exception {
    return get("");
  }

  private String visitOk() throws Exception {
    HttpResponse<String> response = visit();
    assertThat(response.statusCode()).as("GET %s", BASE).isEqualTo(200);
    return response.body();
  }

  /** Polls GET / until it answers 200; the refused attempts in between must not count. */
  private String visitWhenAvailable() {
    List<String> answer = new ArrayList<>();
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              HttpResponse<String> response = visit();
              answer.add(response.body());
              return response.statusCode() == 200;
            });
    return answer.get(answer.size() - 1);
  }

  /** A notice as the registry sends it, with its token. */
  private int notify(String method, String logAddr) {
    return TestTokens.send(
            method, BASE + "services", serviceInfo("log", logAddr), TestTokens.registry())
        .statusCode();
  }

  private HttpResponse<String> get(String path) {
    return Http.get(BASE + path);
  }
}
