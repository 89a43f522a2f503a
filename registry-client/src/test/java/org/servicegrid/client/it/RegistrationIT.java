package org.servicegrid.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.servicegrid.testsupport.ServiceInfoJson.serviceInfo;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.servicegrid.testsupport.FakeHttpServer;
import org.servicegrid.testsupport.FakeRegistry;
import org.servicegrid.testsupport.Http;
import org.servicegrid.testsupport.Reply;
import org.servicegrid.testsupport.TestTokens;

/** A service WAR with the library, against a fake registry that is up from the start. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegistrationIT {

  private static final FakeHttpServer ECHO =
      FakeHttpServer.started().on("GET", "/echo", Reply.text(200, "hello"));
  private static final FakeRegistry REGISTRY = FakeRegistry.create().heartBeating(ProbeWar.ADDR);

  private static final String PROBE_TOKEN = TestTokens.forService("probe");

  @Deployment(testable = false)
  static WebArchive deployment() {
    REGISTRY.put("log", ECHO.addr());
    REGISTRY.start();
    return ProbeWar.of(
        "probe",
        REGISTRY.url(),
        Map.of(
            "service.required",
            "log",
            "registry.client.failure-cooldown",
            "60000",
            "registry.client.auth.token",
            PROBE_TOKEN));
  }

  @AfterAll
  static void stopPeers() {
    REGISTRY.close();
    ECHO.close();
  }

  @Test
  void registersWithItsNameAddressAndRequiredServices() {
    await().atMost(Duration.ofSeconds(30)).until(() -> !REGISTRY.registrations().isEmpty());
    JsonObject first = REGISTRY.registrations().get(0).json();
    assertThat(first.getString("Name")).isEqualTo("probe");
    assertThat(first.getString("Addr")).isEqualTo(ProbeWar.ADDR);
    assertThat(first.getJsonArray("RequiredServices").getString(0)).isEqualTo("log");
  }

  @Test
  void fillsItsTableFromTheRegistrationAnswer() {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(addrs(Http.get(ProbeWar.url("/probe/instances/log"))))
                    .containsExactly(ECHO.addr()));
  }

  @Test
  void answersHeartBeatWith200() {
    assertThat(Http.get(ProbeWar.url("/heart-beat")).statusCode())
        .as("GET /heart-beat")
        .isEqualTo(200);
  }

  @Test
  void documentsTheCallbackEndpointsInOpenApi() {
    HttpResponse<String> openapi = Http.get(ProbeWar.url("/openapi"));
    assertThat(openapi.statusCode()).as("GET /openapi").isEqualTo(200);
    assertThat(openapi.body())
        .contains("/heart-beat", "/services", "An instance of a required service was added");
    assertThat(openapi.body())
        .as("the 400 of the POST and the DELETE callback")
        .containsPattern(
            "(?s)Not a valid ServiceInfo; nothing changed.*Not a valid ServiceInfo; nothing"
                + " changed");
  }

  @Test
  void addAndRemoveNotificationsChangeWhatPickReturns() {
    notify("POST", "visit", "127.0.0.1:1001");
    assertThat(picks("visit", 4)).containsExactly("127.0.0.1:1001");

    notify("POST", "visit", "127.0.0.1:1002");
    assertThat(addrs(Http.get(ProbeWar.url("/probe/instances/visit"))))
        .containsExactly("127.0.0.1:1001", "127.0.0.1:1002");
    assertThat(picks("visit", 4)).containsExactlyInAnyOrder("127.0.0.1:1001", "127.0.0.1:1002");

    notify("DELETE", "visit", "127.0.0.1:1001");
    assertThat(picks("visit", 4)).containsExactly("127.0.0.1:1002");

    notify("DELETE", "visit", "127.0.0.1:1002");
    assertThat(Http.get(ProbeWar.url("/probe/pick/visit")).statusCode())
        .as("pick with no instance")
        .isEqualTo(404);
  }

  @Test
  void skipsAReportedFailureUntilTheRegistryAnnouncesTheInstanceAgain() {
    notify("POST", "audit", "127.0.0.1:2001");
    notify("POST", "audit", "127.0.0.1:2002");
    Http.send("POST", ProbeWar.url("/probe/failed/audit/127.0.0.1:2001"), null);
    assertThat(picks("audit", 4)).containsExactly("127.0.0.1:2002");

    notify("POST", "audit", "127.0.0.1:2001");
    assertThat(picks("audit", 4)).containsExactlyInAnyOrder("127.0.0.1:2001", "127.0.0.1:2002");
  }

  @Test
  void rejectsAnInvalidNotificationWith400AndAJsonError() {
    HttpResponse<String> malformed = Http.send("POST", ProbeWar.url("/services"), "{bad");
    assertThat(malformed.statusCode()).as("POST /services {bad").isEqualTo(400);
    assertThat(error(malformed)).contains("malformed JSON");

    HttpResponse<String> empty = Http.send("POST", ProbeWar.url("/services"), "");
    assertThat(empty.statusCode()).as("POST /services with an empty body").isEqualTo(400);
    assertThat(error(empty)).contains("empty");

    HttpResponse<String> noAddr =
        Http.send("DELETE", ProbeWar.url("/services"), "{\"Name\": \"log\"}");
    assertThat(noAddr.statusCode()).as("DELETE /services without Addr").isEqualTo(400);
    assertThat(error(noAddr)).contains("Addr");
  }

  @Test
  void callsThePickedInstanceThroughARestClientThatNamesTheCaller() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Http.get(ProbeWar.url("/probe/pick/log")).statusCode() == 200);
    HttpResponse<String> first = Http.get(ProbeWar.url("/probe/call/log"));
    HttpResponse<String> second = Http.get(ProbeWar.url("/probe/call/log"));
    assertThat(first.statusCode()).as("GET /probe/call/log").isEqualTo(200);
    assertThat(List.of(first.body(), second.body())).containsOnly("hello");
    assertThat(ECHO.requests("GET", "/echo"))
        .hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(request -> assertThat(request.header("X-Service-Name")).isEqualTo("probe"));
  }

  @Test
  void requiringAServiceAtRunTimeReRegistersWithIt() {
    assertThat(Http.send("POST", ProbeWar.url("/probe/require/extra"), null).statusCode())
        .isEqualTo(204);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(REGISTRY.registrations())
                    .anySatisfy(r -> assertThat(names(r.json())).contains("log", "extra")));
  }

  @Test
  void readinessIsDownWhileTheRegistryIsAwayAndUpWhenItReturns() {
    await().atMost(Duration.ofSeconds(30)).until(() -> Readiness.now().up());
    int registrationsBefore = REGISTRY.registrations().size();

    REGISTRY.stop();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Readiness down = Readiness.now();
              assertThat(down.httpStatus()).as("GET /health/ready").isEqualTo(503);
              assertThat(down.status()).isEqualTo("DOWN");
              assertThat(down.data().getString("registry")).isEqualTo(REGISTRY.url());
              assertThat(down.reason())
                  .contains("registration failed"); // the re-registration attempts
            });

    REGISTRY.start();
    await().atMost(Duration.ofSeconds(30)).until(() -> Readiness.now().up());
    assertThat(REGISTRY.registrations()).hasSizeGreaterThan(registrationsBefore);
  }

  @Test
  void registersWithItsOwnToken() {
    await().atMost(Duration.ofSeconds(30)).until(() -> !REGISTRY.registrations().isEmpty());
    assertThat(REGISTRY.registrations())
        .allSatisfy(
            registration ->
                assertThat(registration.header("Authorization"))
                    .isEqualTo("Bearer " + PROBE_TOKEN));
  }

  @Test
  void refusesNoticesWithoutTheRegistrysTokenAndKeepsItsTable() {
    String added = serviceInfo("guarded", "127.0.0.1:2101");
    for (String token :
        new String[] {
          null, TestTokens.forService("probe"), TestTokens.signedByAnotherKey("registry")
        }) {
      HttpResponse<String> refused =
          TestTokens.send("POST", ProbeWar.url("/services"), added, token);
      assertThat(refused.statusCode()).as("POST /services with token %s", token).isIn(401, 403);
      assertThat(error(refused)).isNotBlank();
    }
    assertThat(Http.get(ProbeWar.url("/probe/pick/guarded")).statusCode())
        .as("pick after refused notices")
        .isEqualTo(404);

    notify("POST", "guarded", "127.0.0.1:2101");
    HttpResponse<String> removal =
        TestTokens.send("DELETE", ProbeWar.url("/services"), added, null);
    assertThat(removal.statusCode()).as("DELETE /services without a token").isEqualTo(401);
    assertThat(picks("guarded", 2)).containsExactly("127.0.0.1:2101");
  }

  private static void notify(String method, String service, String addr) {
    String body = serviceInfo(service, addr);
    HttpResponse<String> response =
        TestTokens.send(method, ProbeWar.url("/services"), body, TestTokens.registry());
    assertThat(response.statusCode()).as(method + " /services " + body).isEqualTo(200);
  }

  private static Set<String> picks(String service, int times) {
    Set<String> picked = new HashSet<>();
    for (int i = 0; i < times; i++) {
      HttpResponse<String> response = Http.get(ProbeWar.url("/probe/pick/") + service);
      assertThat(response.statusCode()).as("GET /probe/pick/" + service).isEqualTo(200);
      picked.add(json(response.body()).asJsonObject().getString("Addr"));
    }
    return picked;
  }

  private static List<String> addrs(HttpResponse<String> response) {
    assertThat(response.statusCode()).as("instances").isEqualTo(200);
    return json(response.body()).asJsonArray().stream()
        .map(v -> v.asJsonObject().getString("Addr"))
        .toList();
  }

  private static List<String> names(JsonObject info) {
    return info.getJsonArray("RequiredServices").getValuesAs(jakarta.json.JsonString::getString);
  }

  private static String error(HttpResponse<String> response) {
    return json(response.body()).asJsonObject().getString("error");
  }

  private static JsonValue json(String body) {
    return Json.createReader(new StringReader(body)).readValue();
  }
}
