package org.servicegrid.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileTest {

  @TempDir Path dir;

  private final AtomicInteger rotations = new AtomicInteger();

  @Test
  void appendsWholeLinesAfterWhatTheFileAlreadyHolds() throws IOException {
    Path path = dir.resolve("logs/service.log");
    try (LogFile file = newFile(path, 1_000_000, 3)) {
      file.append(line("one"));
    }
    try (LogFile file = newFile(path, 1_000_000, 3)) {
      file.append(line("two"));
    }

    assertThat(Files.readAllLines(path)).containsExactly("one", "two");
  }

  @Test
  void rotatesBeforeALineWouldExceedTheMaximumAndKeepsTheConfiguredNumberOfFiles()
      throws IOException {
    Path path = dir.resolve("service.log");
    try (LogFile file = newFile(path, 40, 2)) {
      for (int i = 0; i < 12; i++) {
        file.append(line("line-" + i + "-padding")); // 15 bytes: two lines per 40-byte file
      }
    }

    assertThat(Files.readAllLines(path)).containsExactly("line-10-padding", "line-11-padding");
    assertThat(Files.readAllLines(Rotation.rotated(path, 1)))
        .containsExactly("line-8-padding", "line-9-padding");
    assertThat(Files.readAllLines(Rotation.rotated(path, 2)))
        .containsExactly("line-6-padding", "line-7-padding");
    assertThat(Rotation.rotated(path, 3)).doesNotExist();
    assertThat(rotations).hasValue(5);
  }

  @Test
  void putsALineLargerThanTheMaximumAloneIntoAFreshFile() throws IOException {
    Path path = appendAndClose(10, 1, "short", "a line longer than ten bytes");

    assertThat(Files.readAllLines(path)).containsExactly("a line longer than ten bytes");
    assertThat(Files.readAllLines(Rotation.rotated(path, 1))).containsExactly("short");
  }

  @Test
  void discardsTheOldFileWhenNoneAreKept() throws IOException {
    Path path = appendAndClose(10, 0, "first", "second");

    assertThat(Files.readAllLines(path)).containsExactly("second");
    assertThat(Rotation.rotated(path, 1)).doesNotExist();
  }

  @Test
  void refusesAppendsAfterCloseAndReleasesTheFile() throws IOException {
    Path path = dir.resolve("service.log");
    LogFile file = newFile(path, 1_000, 1);
    file.append(line("kept"));
    file.close();

    assertThatThrownBy(() -> file.append(line("late"))).isInstanceOf(IOException.class);
    assertThat(file.problem()).isEqualTo("log file is closed");
    assertThat(Files.readAllLines(path)).containsExactly("kept");
  }

  @Test
  void reportsWhyTheFileCannotBeOpenedAndRefusesAppends() throws IOException {
    Files.writeString(dir.resolve("not-a-directory"), "x");
    try (LogFile file = newFile(dir.resolve("not-a-directory/service.log"), 1_000, 1)) {
      assertThat(file.open()).isFalse();
      assertThat(file.problem()).startsWith("cannot open");
      assertThatThrownBy(() -> file.append(line("lost"))).isInstanceOf(IOException.class);
    }
  }

  @Test
  void anInterruptedCallerNeitherFailsNorClosesTheFileForOthers() throws IOException {
    Path path = dir.resolve("service.log");
    try (LogFile file = newFile(path, 1_000, 1)) {
      file.open();
      Thread.currentThread().interrupt(); // would close a shared FileChannel for every thread
      try {
        file.append(line("interrupted"));
      } finally {
        Thread.interrupted();
      }
      file.append(line("after"));

      assertThat(file.problem()).isNull();
    }
    assertThat(Files.readAllLines(path)).containsExactly("interrupted", "after");
  }

  @Test
  void reopensOnTheNextAppendOnceTheFileCanBeOpenedAgain() throws IOException {
    Path blocker = dir.resolve("logs");
    Files.writeString(blocker, "a file where the directory should be");
    Path path = blocker.resolve("service.log");
    try (LogFile file = newFile(path, 1_000, 1)) {
      assertThatThrownBy(() -> file.append(line("lost"))).isInstanceOf(IOException.class);
      Files.delete(blocker);

      file.append(line("kept"));

      assertThat(file.problem()).isNull();
    }
    assertThat(Files.readAllLines(path)).containsExactly("kept");
  }

  /**
   * Appends {@code lines} to a new {@code service.log} of at most {@code maxBytes}, keeping {@code
   * keep} old ones.
   */
  private Path appendAndClose(long maxBytes, int keep, String... lines) throws IOException {
    Path path = dir.resolve("service.log");
    try (LogFile file = newFile(path, maxBytes, keep)) {
      for (String text : lines) {
        file.append(line(text));
      }
    }
    return path;
  }

  private LogFile newFile(Path path, long maxBytes, int keep) {
    return new LogFile(path, maxBytes, keep, rotations::incrementAndGet);
  }

  static byte[] line(String text) {
    return (text + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
