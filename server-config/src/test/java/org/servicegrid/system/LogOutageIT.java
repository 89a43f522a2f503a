package org.servicegrid.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.servicegrid.testsupport.Http;

/**
 * Stopping the log server: it deregisters, visit refuses visits with 503 without counting them, the
 * gateway answers 503 for the service; starting it again: it re-registers, visits count on from
 * where they were, and every visit that was acknowledged is in the file.
 */
@Order(100)
@UsesSharedSystem
class LogOutageIT {

  @AfterAll
  static void logServerRunsAgain() throws Exception {
    if (Http.sendAsync(Http.request(Server.LOG.url("/heart-beat")))
        .handle((r, e) -> e == null)
        .join()) {
      return;
    }
    Server.LOG.start();
    Server.awaitSystemReady();
  }

  @Test
  void visitsAreRefusedWhileTheLogServerIsDownAndCountOnAfterItReturns() throws Exception {
    List<Long> acknowledged = new ArrayList<>();
    acknowledged.add(visit());

    Server.LOG.stop();

    // A clean stop deregisters at once; the registry's table no longer lists the instance.
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () ->
                assertThat(Http.get(Server.REGISTRY.url("/services/log")).body()).isEqualTo("[]"));
    await()
        .atMost(Server.EVICTION_BOUND)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              HttpResponse<String> refused = Http.get(Server.VISIT.url("/"));
              assertThat(refused.statusCode())
                  .as("GET %s while log is down", Server.VISIT.url("/"))
                  .isEqualTo(503);
              assertThat(refused.body()).contains("\"error\"").contains("log service unavailable");
            });
    HttpResponse<String> throughGateway = Http.get(Server.GATEWAY.url("/log/log?tail=1"));
    assertThat(throughGateway.statusCode())
        .as("gateway route to a service without instances")
        .isEqualTo(503);
    assertThat(throughGateway.body()).contains("\"error\"");

    Server.LOG.start();
    await()
        .atMost(Server.START_BOUND)
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> assertThat(Http.get(Server.VISIT.url("/")).statusCode()).isEqualTo(200));
    // That successful poll counted one visit; the next one is counted on top of it.
    long afterRestart = visit();
    assertThat(afterRestart).isEqualTo(acknowledged.get(0) + 2);
    acknowledged.add(afterRestart - 1);
    acknowledged.add(afterRestart);

    List<Long> loggedCounts =
        Server.logLines().stream()
            .map(LogLine::parse)
            .filter(line -> line.caller().equals("visit"))
            .map(LogLine::count)
            .toList();
    assertThat(loggedCounts).containsAll(acknowledged);
  }

  private static long visit() throws Exception {
    HttpResponse<String> response = Http.get(Server.VISIT.url("/"));
    assertThat(response.statusCode()).as("GET %s", Server.VISIT.url("/")).isEqualTo(200);
    return Long.parseLong(response.body().trim());
  }
}
