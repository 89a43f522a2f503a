package org.servicegrid.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TailReaderTest {

  @TempDir Path dir;

  @Test
  void returnsTheLastLinesOldestFirst() throws IOException {
    try (LogFile file = fileWith(1_000_000, 1, 5_000)) {
      assertThat(TailReader.lastLines(file.snapshotForTail(), 3, 1 << 20))
          .containsExactly("line 4997", "line 4998", "line 4999");
    }
  }

  @Test
  void returnsEverythingWhenTheLogHasFewerLines() throws IOException {
    try (LogFile file = fileWith(1_000_000, 1, 2)) {
      assertThat(TailReader.lastLines(file.snapshotForTail(), 20, 1 << 20))
          .containsExactly("line 0", "line 1");
    }
  }

  @Test
  void returnsNothingForAnEmptyLog() throws IOException {
    try (LogFile file = fileWith(1_000_000, 1, 0)) {
      file.open();
      assertThat(TailReader.lastLines(file.snapshotForTail(), 20, 1 << 20)).isEmpty();
    }
  }

  @Test
  void continuesIntoTheLastRotatedFileRightAfterARotation() throws IOException {
    try (LogFile file = fileWith(50, 3, 10)) { // "line N\n" is 7 bytes: 7 lines per file
      assertThat(TailReader.lastLines(file.snapshotForTail(), 5, 1 << 20))
          .containsExactly("line 5", "line 6", "line 7", "line 8", "line 9");
    }
  }

  @Test
  void readsNoMoreThanTheByteBudgetAndDropsACutLine() throws IOException {
    try (LogFile file = fileWith(1_000_000, 1, 100)) { // lines 10..99 are 8 bytes each
      assertThat(TailReader.lastLines(file.snapshotForTail(), 50, 20))
          .containsExactly("line 98", "line 99");
    }
  }

  @Test
  void handlesLinesLongerThanTheReadBlock() throws IOException {
    String longLine = "x".repeat(20_000);
    try (LogFile file = fileWith(1_000_000, 1, 3)) {
      file.append(LogFileTest.line(longLine));
      file.append(LogFileTest.line("last"));
      assertThat(TailReader.lastLines(file.snapshotForTail(), 2, 1 << 20))
          .containsExactly(longLine, "last");
    }
  }

  private LogFile fileWith(long maxBytes, int keep, int lines) throws IOException {
    LogFile file = new LogFile(dir.resolve("service.log"), maxBytes, keep, () -> {});
    for (int i = 0; i < lines; i++) {
      file.append(LogFileTest.line("line " + i));
    }
    return file;
  }
}
