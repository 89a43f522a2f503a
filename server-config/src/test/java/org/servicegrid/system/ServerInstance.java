package org.servicegrid.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.servicegrid.testsupport.Http;

/**
 * One more instance of a product server, the way {@code ./run.sh} scales out: the same server of
 * the build's install (its {@code server.xml} and WAR, nothing copied) started by {@code
 * bin/server} with an output directory of its own ({@code WLP_OUTPUT_DIR=usr/instances/<id>}: logs,
 * workarea, PID file, data files such as the log service's file) and its own HTTP port, plus
 * whatever environment the test adds.
 */
public record ServerInstance(Server server, String id, int port, Map<String, String> environment) {

  /** This instance with {@code overrides} added to its environment, for its next start. */
  public ServerInstance with(Map<String, String> overrides) {
    Map<String, String> all = new HashMap<>(environment);
    all.putAll(overrides);
    return new ServerInstance(server, id, port, Map.copyOf(all));
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /**
   * Liberty's {@code WLP_OUTPUT_DIR} for this instance; the server's own output is under it, in its
   * name.
   */
  public Path outputRoot() {
    return Server.wlpHome().resolve("usr/instances").resolve(id);
  }

  /**
   * The log service's file of this instance ({@code log.file}'s default, under the server's output
   * directory).
   */
  public Path logFile() {
    return outputRoot().resolve(server.serverName).resolve("logs/service.log");
  }

  /** Liberty's {@code messages.log} of this instance. */
  public List<String> messages() {
    Path messages = outputRoot().resolve(server.serverName).resolve("logs/messages.log");
    try {
      return Files.exists(messages) ? Files.readAllLines(messages) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<String> logLines() {
    try {
      return Files.exists(logFile()) ? Files.readAllLines(logFile()) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Removes what an earlier run of this instance left (logs, data); the instance must not be
   * running.
   */
  public void deleteOutput() {
    deleteTree(outputRoot());
  }

  /** Deletes {@code root} and everything under it, if it exists. */
  public static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }

  public void start() {
    assertThat(command("start"))
        .as("exit code of server start %s (%s)", server.serverName, id)
        .isZero();
  }

  /**
   * Starts this instance from an empty output directory (what an earlier run left would prove
   * nothing) and waits until the shared registry lists it as an instance of {@code service}.
   */
  public void startFreshAndAwaitListedAs(String service) {
    deleteOutput();
    start();
    String addr = "127.0.0.1:" + port;
    Server.awaitUntilStarted(
        () ->
            assertThat(Http.get(Server.REGISTRY.url("/services/" + service)).body())
                .contains(addr));
  }

  /** {@code bin/server stop}; its exit code (not 0 when the instance was not running). */
  public int stop() {
    return command("stop");
  }

  public void awaitReady() {
    Server.awaitUntilStarted(
        () ->
            assertThat(Http.get(url("/health/ready")).statusCode())
                .as(url("/health/ready"))
                .isEqualTo(200));
  }

  /**
   * The JVM this instance's {@code bin/server start} launched, from the PID file Liberty keeps for
   * it.
   */
  public ProcessHandle process() {
    Path pidFile = outputRoot().resolve(".pid").resolve(server.serverName + ".pid");
    try {
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      ProcessHandle process =
          ProcessHandle.of(pid)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          id + ": no process " + pid + " (from " + pidFile + ")"));
      assertThat(process.info().commandLine().orElse(""))
          .as("process %s of %s", pid, id)
          .contains(server.serverName);
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException("no PID file for " + id, e);
    }
  }

  /**
   * kill -9: the JVM dies at once, without stopping its applications or closing its connections in
   * order.
   */
  public void kill() {
    ProcessHandle process = process();
    assertThat(process.destroyForcibly()).as("SIGKILL sent to %s (%s)", process.pid(), id).isTrue();
    process.onExit().orTimeout(Server.START_BOUND.toSeconds(), TimeUnit.SECONDS).join();
  }

  private int command(String action) {
    Map<String, String> all = new HashMap<>(environment);
    all.put("WLP_OUTPUT_DIR", outputRoot().toString());
    all.put("HTTP_PORT", String.valueOf(port));
    return Server.command(action, server.serverName, all);
  }
}
