package org.servicegrid.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.servicegrid.testsupport.ServiceInfoJson.serviceInfo;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.servicegrid.testsupport.FakeInstance;
import org.servicegrid.testsupport.Http;

/**
 * Dependents (JDK HttpServer fakes) are told of added and removed instances, in order, over MP Rest
 * Client.
 */
class NotificationIT extends RegistryOverHttp {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Deployment(testable = false)
  static WebArchive deployment() {
    // A long read timeout makes a hung dependent hold its queue for long: others must not wait for
    // it.
    return RegistryDeployment.withSettings("registry.notify.read-timeout", "20000");
  }

  @Test
  void aDependentIsToldOfEveryAddAndRemoveInOrderWithTheServiceInfoAsBody() throws Exception {
    try (FakeInstance dependent = new FakeInstance();
        FakeInstance a = new FakeInstance();
        FakeInstance b = new FakeInstance()) {
      register(serviceInfo("ntf-front", dependent.addr(), "ntf-svc"));
      List<String> expected = new ArrayList<>();
      for (int round = 0; round < 5; round++) {
        for (FakeInstance instance : List.of(a, b)) {
          register(serviceInfo("ntf-svc", instance.addr()));
          expected.add("POST " + instance.addr());
        }
        for (FakeInstance instance : List.of(b, a)) {
          deregister(serviceInfo("ntf-svc", instance.addr()));
          expected.add("DELETE " + instance.addr());
        }
      }

      await().atMost(WAIT).until(() -> dependent.notices().size() >= expected.size());
      assertThat(dependent.notices())
          .extracting(n -> n.method() + " " + n.json().getString("Addr"))
          .containsExactlyElementsOf(expected);
      assertThat(dependent.notices())
          .allSatisfy(
              notice -> {
                assertThat(notice.header("Content-Type")).startsWith("application/json");
                assertThat(notice.headerNames())
                    .as("the registry's routing header stays inside the registry")
                    .doesNotContain("x-servicegrid-dependent");
              });
      JsonObject removed = dependent.notices().get(expected.size() - 1).json();
      assertThat(removed.getString("Name")).isEqualTo("ntf-svc");
      assertThat(removed.getJsonArray("RequiredServices")).isEmpty();
    }
  }

  @Test
  void registeringAKnownInstanceAgainTellsNobody() throws Exception {
    try (FakeInstance dependent = new FakeInstance();
        FakeInstance a = new FakeInstance();
        FakeInstance b = new FakeInstance()) {
      register(serviceInfo("ntf-front2", dependent.addr(), "ntf-again"));
      register(serviceInfo("ntf-again", a.addr()));
      register(serviceInfo("ntf-again", a.addr())); // a replace
      register(
          serviceInfo("ntf-again", b.addr())); // queued after anything the replace could have sent

      await().atMost(WAIT).until(() -> dependent.notices().size() >= 2);
      assertThat(dependent.notices())
          .extracting(n -> n.method() + " " + n.json().getString("Addr"))
          .containsExactly("POST " + a.addr(), "POST " + b.addr());
    }
  }

  @Test
  void aHungDependentDoesNotDelayTheOtherDependents() throws Exception {
    try (FakeInstance hung = new FakeInstance();
        FakeInstance healthy = new FakeInstance();
        FakeInstance instance = new FakeInstance()) {
      hung.hangOnNotices();
      register(serviceInfo("ntf-hung", hung.addr(), "ntf-watched"));
      register(serviceInfo("ntf-healthy", healthy.addr(), "ntf-watched"));

      register(serviceInfo("ntf-watched", instance.addr()));
      deregister(serviceInfo("ntf-watched", instance.addr()));

      // Both notices reach the healthy dependent long before the hung one's 20 s read timeout.
      await().atMost(Duration.ofSeconds(15)).until(() -> healthy.notices().size() == 2);
      assertThat(hung.notices()).as("the hung dependent is still on its first notice").hasSize(1);
    }
  }

  @Test
  void aDependentThatRefusesANoticeIsReportedWithItsStatus() throws Exception {
    try (FakeInstance refusing = new FakeInstance();
        FakeInstance instance = new FakeInstance()) {
      refusing.answerNoticesWith(500);
      register(serviceInfo("ntf-refusing", refusing.addr(), "ntf-refused"));

      register(serviceInfo("ntf-refused", instance.addr()));

      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(recentEventDetails())
                      .anySatisfy(
                          detail ->
                              assertThat(detail)
                                  .isEqualTo(
                                      "notifying "
                                          + refusing.addr()
                                          + " of REGISTERED failed: NoticeRejectedException: "
                                          + refusing.addr()
                                          + " answered HTTP 500")));
    }
  }

  @Test
  void theBacklogGaugeCountsTheNoticesWaitingForASlowDependentUntilItLeaves() throws Exception {
    try (FakeInstance hung = new FakeInstance();
        FakeInstance instance = new FakeInstance()) {
      hung.hangOnNotices();
      register(serviceInfo("ntf-backlogged", hung.addr(), "ntf-busy"));
      register(serviceInfo("ntf-busy", instance.addr()));
      await().atMost(WAIT).until(() -> hung.notices().size() == 1); // being sent: not waiting

      deregister(serviceInfo("ntf-busy", instance.addr()));
      register(serviceInfo("ntf-busy", instance.addr()));
      deregister(serviceInfo("ntf-busy", instance.addr()));

      await().atMost(WAIT).untilAsserted(() -> assertThat(backlog()).isGreaterThanOrEqualTo(3));
      deregister(
          serviceInfo(
              "ntf-backlogged", hung.addr(), "ntf-busy")); // its waiting notices are dropped
      await().atMost(WAIT).untilAsserted(() -> assertThat(backlog()).isZero());
    }
  }

  @Test
  void aFanOutTellsManyDependentsAtOnceNotAFewAtATime() throws Exception {
    List<FakeInstance> dependents = new ArrayList<>();
    try (FakeInstance instance = new FakeInstance()) {
      for (int i = 0; i < 12; i++) {
        FakeInstance dependent = new FakeInstance();
        dependents.add(dependent);
        dependent.hangOnNotices(); // each holds the registry's call until the 20 s read timeout
        register(serviceInfo("ntf-many-" + i, dependent.addr(), "ntf-popular"));
      }

      register(serviceInfo("ntf-popular", instance.addr()));

      // Only calls running side by side can all arrive while the first ones are still held: a pool
      // of a few
      // threads (Liberty's shared executor starts with 2 per core) would tell the rest 20 s later.
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> dependents.stream().allMatch(dependent -> dependent.notices().size() == 1));
    } finally {
      dependents.forEach(FakeInstance::close);
    }
  }

  /**
   * The registry_notification_backlog gauge, from the Prometheus text of the application's metrics.
   */
  private double backlog() {
    String metrics = applicationMetrics();
    Matcher gauge =
        Pattern.compile("(?m)^registry_notification_backlog(?:\\{[^}]*})? (\\S+)$")
            .matcher(metrics);
    assertThat(gauge.find()).as("registry_notification_backlog in %s", metrics).isTrue();
    return Double.parseDouble(gauge.group(1));
  }

  private List<String> recentEventDetails() {
    HttpResponse<String> events = Http.get(base + "events?limit=50");
    assertThat(events.statusCode()).isEqualTo(200);
    return Http.json(events).asJsonArray().getValuesAs(JsonObject.class).stream()
        .filter(event -> "NOTIFICATION_FAILED".equals(event.getString("type")))
        .map(event -> event.getString("detail"))
        .toList();
  }
}
