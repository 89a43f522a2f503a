package org.servicegrid.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.servicegrid.testsupport.Http;

/**
 * The four servers the build started (registry, log, visit, gateway on their default ports) and the few
 * operations the system tests perform on them: wait until ready, stop and start one, read the log file.
 */
final class SystemServers {

  static final String REGISTRY = "http://127.0.0.1:20000";
  static final String GATEWAY = "http://127.0.0.1:20001";
  static final String LOG = "http://127.0.0.1:20002";
  static final String VISIT = "http://127.0.0.1:20003";

  /** Eviction takes at most ~5 s with the default heart-beat settings; leave room for a loaded machine. */
  static final Duration EVICTION_BOUND = Duration.ofSeconds(20);
  static final Duration SERVER_START_BOUND = Duration.ofSeconds(180);

  private SystemServers() {}

  static Path wlpHome() {
    String home = System.getProperty("wlp.home");
    assertThat(home).as("system property wlp.home (set by failsafe)").isNotBlank();
    return Path.of(home);
  }

  static Path logFile() {
    return wlpHome().resolve("usr/servers/log/logs/service.log");
  }

  static List<String> logLines() throws IOException {
    Path file = logFile();
    return Files.exists(file) ? Files.readAllLines(file) : List.of();
  }

  /** Waits until every server answers its readiness check and visit and log are registered. */
  static void awaitSystemReady() {
    await().atMost(SERVER_START_BOUND).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      for (String base : List.of(REGISTRY, LOG, VISIT, GATEWAY)) {
        assertThat(Http.get(base + "/health/ready").statusCode()).as(base + "/health/ready").isEqualTo(200);
      }
      assertThat(Http.get(REGISTRY + "/services/log").body()).contains("\"Addr\"");
      assertThat(Http.get(REGISTRY + "/services/visit").body()).contains("\"Addr\"");
    });
  }

  static void stop(String server) throws Exception {
    runServerCommand("stop", server);
  }

  static void start(String server) throws Exception {
    runServerCommand("start", server);
  }

  private static void runServerCommand(String action, String server) throws Exception {
    Path script = wlpHome().resolve("bin/server");
    Process process = new ProcessBuilder(script.toString(), action, server)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    boolean finished = process.waitFor(SERVER_START_BOUND.toSeconds(), TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    assertThat(finished).as("server " + action + " " + server + " finished in time").isTrue();
    assertThat(process.exitValue()).as("exit code of server " + action + " " + server).isZero();
  }
}
