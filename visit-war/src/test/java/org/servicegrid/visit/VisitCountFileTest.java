package org.servicegrid.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VisitCountFileTest {

  @TempDir Path dir;

  @Test
  void readsNothingWhenThereIsNoFile() throws IOException {
    assertThat(new VisitCountFile(dir.resolve("data/visit-count")).read()).isEmpty();
  }

  @Test
  void readsTheCountOfALineWithSpacesAroundIt() throws IOException {
    Path file = dir.resolve("visit-count");
    Files.writeString(file, "0012345678901 \n");

    assertThat(new VisitCountFile(file).read()).hasValue(12_345_678_901L);
  }

  @Test
  void refusesAFileThatDoesNotHoldACountRatherThanIgnoringIt() throws IOException {
    Path file = dir.resolve("visit-count");
    Files.writeString(file, "garbage");

    assertThatThrownBy(() -> new VisitCountFile(file).read())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("garbage");
  }

  @Test
  void renamesTheMigratedFileReplacingAnOlderMigratedOne() throws IOException {
    Path file = dir.resolve("visit-count");
    Files.writeString(dir.resolve("visit-count.migrated"), "3\n");
    Files.writeString(file, "7\n");

    new VisitCountFile(file).markMigrated();

    assertThat(file).doesNotExist();
    assertThat(dir.resolve("visit-count.migrated")).hasContent("7");
    assertThat(new VisitCountFile(file).read()).isEmpty();
  }
}
