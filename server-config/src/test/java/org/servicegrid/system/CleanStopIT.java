package org.servicegrid.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.servicegrid.testsupport.Http;

/**
 * A clean {@code server stop} of a service instance: a second log instance (the log server's own
 * configuration and WAR, with its own output directory through {@code WLP_OUTPUT_DIR}, on port
 * 20104) is stopped while clients read through the gateway. It deregisters as its listener closes,
 * long before the registry's heart-beats would give up on it, so the registry records DEREGISTERED
 * (not EVICTED) and the instance logs that it deregistered as its listener closed, before its
 * application stopped (deregistering at application stop, the fallback, would come too late to show
 * here), and no request fails at the gateway: those that meet the closed port or a kept-alive
 * connection closed by the stopping server go to the other instance.
 */
@Order(300)
@UsesSharedSystem
class CleanStopIT {

  private static final ServerInstance SECOND_LOG =
      Server.LOG.instance("clean-stop-log", 20104, Map.of());
  private static final String ADDR = "127.0.0.1:" + SECOND_LOG.port();
  private static final int CLIENTS = 4;

  /**
   * Requests each client makes after the stop returned, to cover the time the gateway learns of it.
   */
  private static final int REQUESTS_AFTER_STOP = 50;

  private static final int MAX_REQUESTS_PER_CLIENT = 20_000;

  @BeforeAll
  static void startASecondLogInstance() {
    SECOND_LOG.startFreshAndAwaitListedAs("log");
  }

  @AfterAll
  static void stopTheSecondLogInstance() {
    SECOND_LOG.stop(); // whatever it answers: the test stopped it already
  }

  @Test
  void aStoppingInstanceDeregistersBeforeItsListenerClosesAndNoRequestFails() throws Exception {
    await()
        .atMost(Server.START_BOUND)
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> {
              Http.send("POST", Server.GATEWAY.url("/log/log"), "text/plain", "clean-stop routed");
              assertThat(SECOND_LOG.logLines())
                  .as("the gateway routes to the second instance too")
                  .anyMatch(line -> line.contains("clean-stop"));
            });
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicBoolean stopped = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<Integer>> requested = new ArrayList<>();
      for (int client = 0; client < CLIENTS; client++) {
        requested.add(clients.submit(() -> readUntilWellAfter(stopped, failures)));
      }

      assertThat(SECOND_LOG.stop()).as("server stop of the second log instance").isZero();
      stopped.set(true);

      for (Future<Integer> client : requested) {
        assertThat(client.get(5, TimeUnit.MINUTES)).isGreaterThanOrEqualTo(REQUESTS_AFTER_STOP);
      }
    } finally {
      clients.shutdownNow();
    }

    assertThat(failures)
        .as("requests through the gateway that failed while an instance stopped")
        .isEmpty();
    assertThat(eventsOf(ADDR)).contains("DEREGISTERED").doesNotContain("EVICTED");
    List<String> messages = SECOND_LOG.messages();
    int deregistered = indexOf(messages, "Deregistered log@" + ADDR + ": its HTTP listener closed");
    int applicationStopped = indexOf(messages, "CWWKZ0009I"); // the application log has stopped
    assertThat(deregistered)
        .as(
            "the instance's messages.log: deregistered as its listener closed, before the"
                + " application stopped (at %s)",
            applicationStopped)
        .isNotNegative()
        .isLessThan(applicationStopped);
  }

  private static int indexOf(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Reads the last log line through the gateway until {@code stopped} plus {@link
   * #REQUESTS_AFTER_STOP}.
   */
  private static int readUntilWellAfter(
      AtomicBoolean stopped, ConcurrentLinkedQueue<String> failures) {
    int afterStop = 0;
    for (int requests = 0;
        afterStop < REQUESTS_AFTER_STOP && requests < MAX_REQUESTS_PER_CLIENT;
        requests++) {
      if (stopped.get()) {
        afterStop++;
      }
      HttpResponse<String> response = Http.get(Server.GATEWAY.url("/log/log?tail=1"));
      if (response.statusCode() != 200) {
        failures.add(response.statusCode() + " " + response.body());
      }
    }
    return afterStop;
  }

  private static List<String> eventsOf(String addr) {
    return Http.json(Http.get(Server.REGISTRY.url("/events?limit=500"))).asJsonArray().stream()
        .map(event -> (JsonObject) event)
        .filter(event -> addr.equals(event.getString("addr", "")))
        .map(event -> event.getString("type"))
        .toList();
  }
}
