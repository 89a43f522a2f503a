package org.servicegrid.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ThrowingRunnable;
import org.servicegrid.testsupport.EvictionBound;
import org.servicegrid.testsupport.Http;

/**
 * The four servers the build started on 127.0.0.1, as the system tests address them: URLs,
 * readiness, the log file, and stopping and starting one with Liberty's own {@code bin/server}
 * script, as an operator would.
 */
public enum Server {
  REGISTRY("registry", 20000),
  GATEWAY("gateway", 20001),
  LOG("log", 20002),
  VISIT("visit", 20003);

  /** A cold Liberty start on a loaded 2-core machine takes well under this. */
  public static final Duration START_BOUND = Duration.ofSeconds(180);

  /** The product servers run the registry's default heart-beat settings. */
  public static final Duration EVICTION_BOUND = EvictionBound.DEFAULT_SETTINGS.bound();

  /**
   * Added to every server JVM a system test starts: the C1 compiler alone halves a Liberty start's
   * CPU (about 6 instead of 12 CPU-seconds), and no test runs long enough for C2's faster code to
   * pay back.
   */
  private static final String TEST_JVM_ARGS = "-XX:TieredStopAtLevel=1";

  public final String serverName;
  public final int port;

  Server(String serverName, int port) {
    this.serverName = serverName;
    this.port = port;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** Waits until every server is ready (readiness 200) and log and visit are registered. */
  public static void awaitSystemReady() {
    awaitUntilStarted(
        () -> {
          for (Server server : values()) {
            assertThat(Http.get(server.url("/health/ready")).statusCode())
                .as(server.url("/health/ready"))
                .isEqualTo(200);
          }
          assertThat(Http.get(REGISTRY.url("/services/log")).body()).contains("\"Addr\"");
          assertThat(Http.get(REGISTRY.url("/services/visit")).body()).contains("\"Addr\"");
        });
  }

  /**
   * Polls {@code assertion} every 250 ms until it holds, an exception counting as "not yet", within
   * {@link #START_BOUND}: for whatever a starting server or system must come to.
   */
  public static void awaitUntilStarted(ThrowingRunnable assertion) {
    await()
        .atMost(START_BOUND)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .untilAsserted(assertion);
  }

  public static Path wlpHome() {
    String home = System.getProperty("wlp.home");
    assertThat(home).as("system property wlp.home (set by failsafe)").isNotBlank();
    return Path.of(home);
  }

  /** The file the log server appends to (log.file's default). */
  public static Path logFile() {
    return wlpHome().resolve("usr/servers/log/logs/service.log");
  }

  public static List<String> logLines() throws IOException {
    Path file = logFile();
    return Files.exists(file) ? Files.readAllLines(file) : List.of();
  }

  /**
   * Another instance of this server, as {@code ./run.sh} scales out: same configuration and WAR,
   * its own output directory ({@code usr/instances/<id>}) and port, {@code environment} added to
   * {@code bin/server}'s.
   */
  public ServerInstance instance(String id, int port, Map<String, String> environment) {
    return new ServerInstance(this, id, port, environment);
  }

  public void stop() {
    serverCommand("stop");
  }

  public void start() {
    serverCommand("start");
  }

  /** {@code bin/server stop}, whatever it answers (a test may have stopped the server already). */
  public void stopIfRunning() {
    command("stop", serverName, Map.of());
  }

  private void serverCommand(String action) {
    assertThat(command(action, serverName, Map.of()))
        .as("exit code of server %s %s", action, serverName)
        .isZero();
  }

  /**
   * Runs {@code bin/server action name} of the build's install, for these servers or others a test
   * creates there, with {@code environment} added to the process's; returns its exit code.
   */
  public static int command(String action, String name, Map<String, String> environment) {
    ProcessBuilder command =
        new ProcessBuilder(wlpHome().resolve("bin/server").toString(), action, name)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    command.environment().put("JVM_ARGS", TEST_JVM_ARGS);
    command.environment().putAll(environment);
    try {
      Process process = command.start();
      boolean finished = process.waitFor(START_BOUND.toSeconds(), TimeUnit.SECONDS);
      if (!finished) {
        process.destroyForcibly();
      }
      assertThat(finished).as("server %s %s finished in time", action, name).isTrue();
      return process.exitValue();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("server " + action + " " + name + " failed", e);
    }
  }
}
