package org.servicegrid.system.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.servicegrid.system.Prometheus;
import org.servicegrid.system.Server;
import org.servicegrid.system.ServerInstance;
import org.servicegrid.system.UsesSharedSystem;
import org.servicegrid.testsupport.Http;

/**
 * Size rotation of the running log service: one more log instance (port 20105, registered with the
 * shared registry) with {@code LOG_ROTATE_MAX_BYTES=4096} and {@code LOG_ROTATE_KEEP=2} is sent
 * lines of one fixed length until it rotated three times. It keeps {@code service.log.1} and {@code
 * .2} and deleted the oldest, no file is larger than the limit, {@code log_rotations_total} counted
 * each rotation, and {@code GET /log?tail=N} reads on from the current file into {@code
 * service.log.1} (but no further) with the lines in order.
 */
@Order(115)
@UsesSharedSystem
class LogRotationIT {

  private static final int MAX_BYTES = 4096;
  private static final int KEEP = 2;
  private static final ServerInstance ROTATING_LOG =
      Server.LOG.instance(
          "log-rotation",
          20105,
          Map.of(
              "LOG_ROTATE_MAX_BYTES", String.valueOf(MAX_BYTES),
              "LOG_ROTATE_KEEP", String.valueOf(KEEP)));

  /** A message of fixed length, so every line is {@link #LINE_BYTES} long. */
  private static final String PADDING = "x".repeat(60);

  /** {@code <24-character timestamp> - <message>\n}: the caller is unnamed. */
  private static final int LINE_BYTES = 24 + 3 + message(0).length() + 1;

  private static final int LINES_PER_FILE = MAX_BYTES / LINE_BYTES;

  /** Three files filled and rotated, then three lines in the current one. */
  private static final int ROTATIONS = 3;

  private static final int LINES = ROTATIONS * LINES_PER_FILE + 3;

  @BeforeAll
  static void startALogInstanceThatRotatesSmallFiles() {
    ROTATING_LOG.startFreshAndAwaitListedAs("log");
  }

  @AfterAll
  static void stopTheInstance() {
    ROTATING_LOG.stop();
  }

  @Test
  void rotatesAtMaxBytesKeepsTwoOlderFilesCountsRotationsAndTailsAcrossTheLastOne()
      throws Exception {
    String metrics = ROTATING_LOG.url("/metrics?scope=application");
    double rotationsBefore = Prometheus.scrape(metrics).value("log_rotations_total");

    for (int i = 1; i <= LINES; i++) {
      HttpResponse<String> response =
          Http.send("POST", ROTATING_LOG.url("/log"), "text/plain", message(i));
      assertThat(response.statusCode()).as("POST %s line %d", response.uri(), i).isEqualTo(200);
    }

    Path current = ROTATING_LOG.logFile();
    assertThat(messagesIn(rotated(current, 2)))
        .as("service.log.2: the second file written; the first was deleted")
        .containsExactlyElementsOf(messages(LINES_PER_FILE + 1, 2 * LINES_PER_FILE));
    assertThat(messagesIn(rotated(current, 1)))
        .as("service.log.1")
        .containsExactlyElementsOf(messages(2 * LINES_PER_FILE + 1, 3 * LINES_PER_FILE));
    assertThat(messagesIn(current))
        .as("service.log")
        .containsExactlyElementsOf(messages(3 * LINES_PER_FILE + 1, LINES));
    assertThat(rotated(current, KEEP + 1)).as("beyond log.rotate.keep").doesNotExist();
    for (Path file : List.of(current, rotated(current, 1), rotated(current, 2))) {
      assertThat(Files.size(file))
          .as("size of %s", file.getFileName())
          .isLessThanOrEqualTo(MAX_BYTES);
    }
    assertThat(Prometheus.scrape(metrics).value("log_rotations_total") - rotationsBefore)
        .as("log_rotations_total rose by")
        .isEqualTo(ROTATIONS);

    // Ten lines: three from service.log, the seven before them from the end of service.log.1.
    assertThat(tail(10)).containsExactlyElementsOf(messages(LINES - 9, LINES));
    // More than both files hold: the tail stops at the start of service.log.1.
    assertThat(tail(100)).containsExactlyElementsOf(messages(2 * LINES_PER_FILE + 1, LINES));
  }

  private static String message(int number) {
    return "rotation line %03d %s".formatted(number, PADDING);
  }

  /** The messages {@code first..last} as sent. */
  private static List<String> messages(int first, int last) {
    return IntStream.rangeClosed(first, last).mapToObj(LogRotationIT::message).toList();
  }

  private static Path rotated(Path file, int index) {
    return file.resolveSibling(file.getFileName() + "." + index);
  }

  /** The messages of a log file's lines, each checked to be {@link #LINE_BYTES} long. */
  private static List<String> messagesIn(Path file) throws IOException {
    assertThat(file).exists();
    return withoutPrefix(Files.readAllLines(file));
  }

  private static List<String> tail(int lines) {
    HttpResponse<String> response = Http.get(ROTATING_LOG.url("/log?tail=" + lines));
    assertThat(response.statusCode()).as("GET %s", response.uri()).isEqualTo(200);
    return withoutPrefix(Arrays.asList(response.body().split("\n")));
  }

  private static List<String> withoutPrefix(List<String> lines) {
    assertThat(lines).allSatisfy(line -> assertThat(line).hasSize(LINE_BYTES - 1));
    return lines.stream().map(line -> line.substring(line.indexOf(" - ") + 3)).toList();
  }
}
