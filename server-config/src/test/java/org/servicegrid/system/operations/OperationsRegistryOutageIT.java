package org.servicegrid.system.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.servicegrid.system.Server;
import org.servicegrid.system.UsesSharedSystem;
import org.servicegrid.testsupport.Http;

/**
 * Readiness follows the registry: with the registry stopped, log, visit and gateway answer 503 with
 * their "registration" check DOWN and the reason; started again, they re-register by themselves
 * (after {@code registry.client.registry-silence}, 5 s, without heart-beats) and answer 200.
 */
@Order(111)
@UsesSharedSystem
class OperationsRegistryOutageIT {

  private static final List<Server> DEPENDENTS = List.of(Server.LOG, Server.VISIT, Server.GATEWAY);

  /** Registry silence (5 s) plus a retry backoff of at most 5 s, with room for a loaded machine. */
  private static final Duration NOTICE_BOUND = Duration.ofSeconds(40);

  @AfterAll
  static void systemIsReadyAgain() throws Exception {
    if (!answers(Server.REGISTRY)) {
      Server.REGISTRY.start();
    }
    Server.awaitSystemReady();
  }

  @Test
  void dependentsTurnUnreadyWhileTheRegistryIsDownAndReadyAgainByThemselves() throws Exception {
    Server.REGISTRY.stop();
    try {
      await()
          .atMost(NOTICE_BOUND)
          .pollInterval(Duration.ofMillis(250))
          .untilAsserted(
              () -> {
                for (Server server : DEPENDENTS) {
                  Health ready = Health.of(server, "ready");
                  assertThat(ready.httpStatus())
                      .as("%s/health/ready with the registry down: %s", server, ready.body())
                      .isEqualTo(503);
                  Health.Check registration = ready.check("registration");
                  assertThat(registration.status()).isEqualTo("DOWN");
                  assertThat(registration.data().getString("reason", ""))
                      .as("reason of %s", server)
                      .isNotBlank();
                }
              });
      for (Server server : DEPENDENTS) {
        System.out.println(
            server.url("/health/ready")
                + " with the registry down: "
                + Health.of(server, "ready").body());
      }
    } finally {
      Server.REGISTRY.start();
    }

    Server.awaitUntilStarted(
        () -> {
          for (Server server : DEPENDENTS) {
            Health ready = Health.of(server, "ready");
            assertThat(ready.httpStatus())
                .as("%s/health/ready after the restart: %s", server, ready.body())
                .isEqualTo(200);
            assertThat(ready.check("registration").status()).isEqualTo("UP");
          }
        });
    assertThat(Http.get(Server.REGISTRY.url("/services/log")).body()).contains("127.0.0.1:20002");
    assertThat(Http.get(Server.REGISTRY.url("/services/visit")).body()).contains("127.0.0.1:20003");
  }

  private static boolean answers(Server server) {
    try {
      return Http.get(server.url("/heart-beat")).statusCode() > 0;
    } catch (Exception e) {
      return false;
    }
  }
}
