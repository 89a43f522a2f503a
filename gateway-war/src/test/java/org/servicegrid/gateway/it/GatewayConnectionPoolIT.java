package org.servicegrid.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.servicegrid.gateway.it.GatewayDeployment.awaitRoutes;
import static org.servicegrid.gateway.it.GatewayDeployment.get;
import static org.servicegrid.gateway.it.GatewayDeployment.request;
import static org.servicegrid.gateway.it.GatewayDeployment.send;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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

/**
 * The gateway's keep-alive connections to an instance, on the packaged WAR with {@code
 * gateway.max-connections=2}: while two requests hold both connections to a holding instance, a
 * third request for it waits {@code gateway.connect-timeout} for a free one and answers 503 with
 * JSON, without reaching the instance; once the held answers are released every request answers
 * again. The third request goes through a second service name of the same instance, so the
 * per-service limit (at most {@code gateway.max-connections}) does not refuse it first.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GatewayConnectionPoolIT {

  private static final int MAX_CONNECTIONS = 2;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration BOUND = Duration.ofSeconds(30);

  private static final FakeRegistry REGISTRY = FakeRegistry.started();
  private static final FakeHttpServer HELD = FakeUpstream.holding();

  @Deployment(testable = false)
  static WebArchive deployment() {
    REGISTRY.put("held", HELD.addr());
    REGISTRY.put("held-too", HELD.addr());
    // Response timeouts longer than the test, so held requests keep their connections until
    // released.
    return GatewayDeployment.of(
        REGISTRY.url(),
        "gateway.max-connections=" + MAX_CONNECTIONS,
        "gateway.max-concurrent-per-service=" + MAX_CONNECTIONS,
        "gateway.connect-timeout=" + CONNECT_TIMEOUT.toMillis(),
        "gateway.response-timeout=120000",
        "gateway.read-timeout=120000");
  }

  @BeforeAll
  static void awaitCatalogue() {
    awaitRoutes("held", "held-too");
  }

  @AfterAll
  static void stopFakes() {
    HELD.close();
    REGISTRY.close();
  }

  @Test
  void aRequestFindingEveryConnectionBusyWaitsConnectTimeoutThenAnswers503() {
    List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
    try {
      for (int i = 0; i < MAX_CONNECTIONS; i++) {
        held.add(Http.sendAsync(request("/held/wait-" + i).GET()));
      }
      await().atMost(BOUND).until(() -> HELD.requests().size() == MAX_CONNECTIONS);

      long started = System.nanoTime();
      HttpResponse<String> third = send(get("/held-too/third"));
      Duration waited = Duration.ofNanos(System.nanoTime() - started);

      assertThat(third.statusCode())
          .as("GET /held-too/third with both connections busy")
          .isEqualTo(503);
      assertThat(third.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(third.body()).isEqualTo("{\"error\":\"gateway has no free upstream connection\"}");
      assertThat(waited)
          .as("time until the 503")
          .isGreaterThanOrEqualTo(CONNECT_TIMEOUT.minusMillis(100))
          .isLessThan(CONNECT_TIMEOUT.plusSeconds(5));
      assertThat(held).noneMatch(CompletableFuture::isDone);
      assertThat(HELD.requests()).as("requests the instance received").hasSize(MAX_CONNECTIONS);
    } finally {
      HELD.release();
    }

    assertThat(held)
        .allSatisfy(call -> assertThat(call.join().statusCode()).as("a held GET").isEqualTo(200));
    for (String path : List.of("/held-too/after", "/held/after", "/held-too/again")) {
      assertThat(send(get(path)).statusCode()).as("GET %s once released", path).isEqualTo(200);
    }
  }
}
