package org.servicegrid.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileConcurrencyTest {

  private static final int THREADS = 8;
  private static final int LINES_PER_THREAD = 1000;
  private static final Pattern WHOLE_LINE = Pattern.compile("writer-\\d+ line-\\d+ x{0,63}");

  @TempDir Path dir;

  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void eightConcurrentWritersGetExactlyTheirLinesWholeAndOnce() throws Exception {
    Path path = dir.resolve("service.log");
    try (LogFile file = new LogFile(path, 1L << 30, 1, () -> {})) {
      runWriters(file);
    }

    assertExactlyEveryLineOnce(Files.readAllLines(path, StandardCharsets.UTF_8));
  }

  @Test
  void concurrentWritersLoseNothingAcrossRotations() throws Exception {
    Path path = dir.resolve("service.log");
    long maxBytes = 16 * 1024;
    try (LogFile file = new LogFile(path, maxBytes, 100, () -> {})) {
      runWriters(file);
    }

    List<String> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path each : files.toList()) {
        assertThat(Files.size(each)).as("size of %s", each).isLessThanOrEqualTo(maxBytes);
        all.addAll(Files.readAllLines(each, StandardCharsets.UTF_8));
      }
    }
    assertThat(Rotation.rotated(path, 10)).exists();
    assertExactlyEveryLineOnce(all);
  }

  private void runWriters(LogFile file) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Void>> writers = new ArrayList<>();
    for (int w = 0; w < THREADS; w++) {
      int writer = w;
      Callable<Void> task =
          () -> {
            start.await();
            for (int i = 0; i < LINES_PER_THREAD; i++) {
              // Lengths vary so that torn or interleaved writes could not go unnoticed.
              file.append(
                  LogFileTest.line("writer-" + writer + " line-" + i + " " + "x".repeat(i % 64)));
            }
            return null;
          };
      writers.add(pool.submit(task));
    }
    start.countDown();
    for (Future<Void> writer : writers) {
      writer.get(60, TimeUnit.SECONDS);
    }
  }

  private static void assertExactlyEveryLineOnce(List<String> lines) {
    assertThat(lines).hasSize(THREADS * LINES_PER_THREAD);
    assertThat(lines).allMatch(line -> WHOLE_LINE.matcher(line).matches(), "is a whole line");
    Set<String> ids = new HashSet<>();
    for (String line : lines) {
      ids.add(line.substring(0, line.lastIndexOf(' ')));
    }
    assertThat(ids).hasSize(THREADS * LINES_PER_THREAD);
  }
}
