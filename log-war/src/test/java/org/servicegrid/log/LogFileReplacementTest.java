package org.servicegrid.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicegrid.log.LogFileTest.line;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer and the liveness check notice when {@code log.file} no longer names the open file
 * (deleted, renamed away, cut short) and the next line goes to the file at the path again.
 */
class LogFileReplacementTest {

  private static final Duration EVERY_APPEND = Duration.ZERO;
  private static final Duration NOT_DURING_THE_TEST = Duration.ofHours(1);

  @TempDir Path dir;
  private Path path;

  @BeforeEach
  void logPath() {
    path = dir.resolve("service.log");
  }

  @Test
  void reportsADeletedFileUntilTheNextLineRecreatesIt() throws IOException {
    try (LogFile file = deletedAfterWriting("before", NOT_DURING_THE_TEST)) {
      assertThat(file.problem()).isEqualTo("log file was removed or replaced");
      assertThat(file.problem()).as("still down until a line is written").isNotNull();

      file.append(line("after"));

      assertThat(file.problem()).isNull();
    }
    assertThat(Files.readAllLines(path)).containsExactly("after");
  }

  @Test
  void reportsAFileRenamedAwayAndReplacedByAnExternalRotation() throws IOException {
    Path archived = dir.resolve("service.log.archived");
    try (LogFile file = newFile(path, NOT_DURING_THE_TEST)) {
      file.append(line("old"));
      Files.move(path, archived, StandardCopyOption.ATOMIC_MOVE);
      Files.writeString(path, "");

      assertThat(file.problem()).isEqualTo("log file was removed or replaced");
      file.append(line("new"));

      assertThat(file.problem()).isNull();
    }
    assertThat(Files.readAllLines(archived)).containsExactly("old");
    assertThat(Files.readAllLines(path)).containsExactly("new");
  }

  @Test
  void anAppendNoticesADeletedFileByItselfOnceTheCheckIntervalPassed() throws IOException {
    try (LogFile file = deletedAfterWriting("before", EVERY_APPEND)) {
      file.append(line("after"));

      assertThat(file.problem()).isNull();
    }
    assertThat(Files.readAllLines(path)).containsExactly("after");
  }

  @Test
  void appendsDoNotCheckThePathWithinTheInterval() throws IOException {
    try (LogFile file = deletedAfterWriting("before", NOT_DURING_THE_TEST)) {
      file.append(line("into the unlinked file"));

      assertThat(path).as("no stat per line: the append did not look").doesNotExist();
      assertThat(file.problem()).isEqualTo("log file was removed or replaced");
    }
  }

  @Test
  void reopensAFileTruncatedByCopyTruncateRotationWithoutReportingAProblem() throws IOException {
    try (LogFile file = newFile(path, NOT_DURING_THE_TEST)) {
      file.append(line("copied elsewhere, then cut"));
      try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
        channel.truncate(0);
      }

      assertThat(file.problem()).isNull();
      file.append(line("after"));

      assertThat(TailReader.lastLines(file.snapshotForTail(), 10, 1 << 20))
          .containsExactly("after");
    }
  }

  @Test
  void theTailOfADeletedFileIsEmptyInsteadOfAnError() throws IOException {
    try (LogFile file = deletedAfterWriting("gone", NOT_DURING_THE_TEST)) {
      assertThat(TailReader.lastLines(file.snapshotForTail(), 10, 1 << 20)).isEmpty();
    }
  }

  /**
   * An open file that has written {@code firstLine} and whose path was then deleted from under it.
   */
  private LogFile deletedAfterWriting(String firstLine, Duration identityCheckInterval)
      throws IOException {
    LogFile file = newFile(path, identityCheckInterval);
    file.append(line(firstLine));
    Files.delete(path);
    return file;
  }

  private static LogFile newFile(Path path, Duration identityCheckInterval) {
    return new LogFile(path, 1_000_000, 1, () -> {}, identityCheckInterval);
  }
}
