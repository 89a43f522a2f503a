package org.servicegrid.system.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.servicegrid.system.Server;
import org.servicegrid.system.UsesSharedSystem;
import org.servicegrid.testsupport.Http;

/**
 * The log server's liveness follows its file: deleting {@code service.log} under the running writer
 * turns "log-file" DOWN (lines would go to an unlinked file nobody reads); the next POST /log
 * recreates the file and liveness is UP again, without a restart.
 */
@Order(112)
@UsesSharedSystem
class OperationsLogFileIT {

  private static final Duration BOUND = Duration.ofSeconds(30);

  @AfterAll
  static void systemIsReadyAgain() {
    Server.awaitSystemReady();
  }

  @Test
  void aDeletedLogFileTurnsLivenessDownUntilTheNextLineRecreatesIt() throws Exception {
    Path file = Server.logFile();
    String before = "before the deletion " + UUID.randomUUID();
    append(before);
    Files.delete(file);

    await()
        .atMost(BOUND)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              Health live = Health.of(Server.LOG, "live");
              assertThat(live.httpStatus())
                  .as("/health/live after deleting %s: %s", file, live.body())
                  .isEqualTo(503);
              assertThat(live.check("log-file").status()).isEqualTo("DOWN");
              assertThat(live.check("log-file").data().getString("reason"))
                  .isEqualTo("log file was removed or replaced");
            });
    System.out.println(
        Server.LOG.url("/health/live")
            + " after deleting service.log: "
            + Health.of(Server.LOG, "live").body());

    String message = "after the deletion " + UUID.randomUUID();
    append(message);

    assertThat(file).as("recreated by the next line").exists();
    assertThat(Files.readAllLines(file))
        .as("the new %s", file)
        .anySatisfy(line -> assertThat(line).endsWith(" " + message))
        .noneSatisfy(line -> assertThat(line).contains(before));
    await()
        .atMost(BOUND)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              Health live = Health.of(Server.LOG, "live");
              assertThat(live.httpStatus())
                  .as("/health/live after the next line: %s", live.body())
                  .isEqualTo(200);
              assertThat(live.check("log-file").status()).isEqualTo("UP");
            });
  }

  private static void append(String message) throws Exception {
    HttpResponse<String> response =
        Http.send("POST", Server.LOG.url("/log"), "text/plain", message);
    assertThat(response.statusCode())
        .as("POST %s: %s", response.uri(), response.body())
        .isEqualTo(200);
  }
}
