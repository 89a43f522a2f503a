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
import java.util.stream.LongStream;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.servicegrid.testsupport.Deployments;
import org.servicegrid.testsupport.FakeLog;
import org.servicegrid.testsupport.FakeRegistry;
import org.servicegrid.testsupport.Http;
import org.servicegrid.testsupport.TestTokens;

/**
 * The packaged visit WAR on a real Liberty server at context root "/", with a fake registry that
 * answers one fake log instance, counting in the test server's H2 database. Each test stands alone,
 * in any order: it gets a log instance of its own (announced to the service before it, withdrawn
 * after it), reads the current count by visiting once before it acts, and asserts the numbers
 * relative to that one.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VisitServiceIT {

  private static final String DEPLOYMENT = "visit";
  private static final String BASE =
      "http://127.0.0.1:" + System.getProperty("arquillian.http.port") + "/";
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private static final FakeRegistry REGISTRY = FakeRegistry.started();

  /** Whether the deployment is on the server now (the tests that redeploy it leave it deployed). */
  private static boolean deployed;

  @ArquillianResource Deployer deployer;

  /** This test's log instance, the only one the service knows while the test runs. */
  private FakeLog log;

  @Deployment(name = DEPLOYMENT, managed = false, testable = false)
  static WebArchive deployment() {
    // Points the real artifact at the fakes, with a short failure cool-down.
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
  void announceAFreshLogInstance() {
    log = FakeLog.start();
    REGISTRY.put("log", log.addr());
    if (deployed) {
      assertThat(notify("POST", log.addr())).as("POST %sservices (log)", BASE).isEqualTo(200);
    } else {
      deploy(); // registers, and the registry answers this log instance
    }
  }

  @AfterEach
  void withdrawTheLogInstance() {
    if (deployed) {
      notify("DELETE", log.addr());
    }
    log.close();
  }

  @AfterAll
  static void stopRegistry() {
    REGISTRY.close();
  }

  @Test
  void countsOnByOneAndLogsEachCountAsTheVisitService() throws Exception {
    long before = currentCount();
    int mark = log.messages().size();

    assertThat(List.of(visitOk(), visitOk(), visitOk()))
        .containsExactlyElementsOf(numbers(before + 1, before + 3));

    assertThat(log.messages().subList(mark, log.messages().size()))
        .containsExactlyElementsOf(numbers(before + 1, before + 3));
    assertThat(log.lines()).allMatch(line -> "visit".equals(line.caller()), "sent by 'visit'");
  }

  @Test
  void refusesAndKeepsTheCountWhileTheLogServiceFails() throws Exception {
    long before = currentCount();
    int mark = log.messages().size();
    log.failing(true);

    HttpResponse<String> refused = visit();

    assertThat(refused.statusCode()).as("GET %s while the log fails", BASE).isEqualTo(503);
    assertThat(refused.body()).contains("\"error\"").contains("log service unavailable");
    log.failing(false);
    // once the failed instance's cool-down is over
    assertThat(visitWhenAvailable()).isEqualTo(String.valueOf(before + 1));
    assertThat(log.messages().subList(mark, log.messages().size()))
        .containsExactly(String.valueOf(before + 1));
  }

  @Test
  void refusesWhileTheLogServiceIsGoneAndCountsOnWithTheNextAnnouncedInstance() throws Exception {
    long before = currentCount();
    FakeLog gone = log;
    gone.close();

    assertThat(visit().statusCode()).as("GET %s with the log gone", BASE).isEqualTo(503);

    log = FakeLog.start();
    REGISTRY.put("log", log.addr());
    assertThat(notify("POST", log.addr())).isEqualTo(200);
    assertThat(notify("DELETE", gone.addr())).isEqualTo(200);
    assertThat(visitWhenAvailable()).isEqualTo(String.valueOf(before + 1));
    assertThat(log.messages()).containsExactly(String.valueOf(before + 1));
  }

  @Test
  void twentyConcurrentVisitsGetEachNumberOnceWithOneLogLineEach() throws Exception {
    long before = currentCount();
    int mark = log.messages().size();

    List<HttpResponse<String>> responses = visitConcurrently(20, 1);

    assertThat(responses)
        .allSatisfy(
            response ->
                assertThat(response.statusCode()).as("concurrent GET %s", BASE).isEqualTo(200));
    List<String> expected = numbers(before + 1, before + 20);
    assertThat(responses.stream().map(HttpResponse::body))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(log.messages().subList(mark, log.messages().size()))
        .containsExactlyElementsOf(expected);
  }

  @Test
  void keepsTheCountInTheDatabaseAcrossARedeploy() throws Exception {
    long before = currentCount();

    restart();

    assertThat(visitOk()).isEqualTo(String.valueOf(before + 1));
  }

  @Test
  void publishesMetricsAndAnOpenApiDocument() throws Exception {
    currentCount(); // every metric exists once a visit was counted
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
  void sixtyFourConcurrentVisitsGetEachNumberOnceAndTheLogReceivesEachNumberOnce()
      throws Exception {
    long before = currentCount();
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
  void refusesTheVisitsOfGroupsTheLogRefusesMidLoadAndCountsOnFromTheLastAcceptedNumber()
      throws Exception {
    long before = currentCount();
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
        .containsExactlyElementsOf(numbers(before + 1, before + accepted.size()));
    assertThat(counted).containsExactlyElementsOf(accepted.stream().map(Long::valueOf).toList());

    log.acceptAtMost(Integer.MAX_VALUE);
    String next = visitWhenAvailable();
    assertThat(next).isEqualTo(String.valueOf(before + accepted.size() + 1));
    assertThat(log.messages()).last().isEqualTo(next);
  }

  @Test
  void answersOtherMethodsOnTheRootWith405AndCountsNothing() throws Exception {
    long before = currentCount();

    HttpResponse<String> put = Http.send(Http.request(BASE).PUT(BodyPublishers.ofString("x")));

    assertThat(put.statusCode()).as("PUT %s", BASE).isEqualTo(405);
    assertThat(put.body()).contains("\"error\"");
    assertThat(visitOk()).isEqualTo(String.valueOf(before + 1));
  }

  /** The count now: the number of a visit made to read it (waiting until one is counted). */
  private long currentCount() {
    return Long.parseLong(visitWhenAvailable());
  }

  /** {@code first} to {@code last} as the service answers them. */
  private static List<String> numbers(long first, long last) {
    return LongStream.rangeClosed(first, last).mapToObj(String::valueOf).toList();
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
