package org.servicegrid.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VisitStateStoreTest {

  @TempDir Path dir;

  @Test
  void startsFromZeroWhenNothingWasSaved() throws IOException {
    assertThat(new VisitStateStore(dir.resolve("data/visit-count")).load()).isZero();
  }

  @Test
  void loadsWhatWasSavedAcrossInstances() throws IOException {
    Path file = dir.resolve("data/visit-count");
    new VisitStateStore(file).save(12_345_678_901L);

    assertThat(new VisitStateStore(file).load()).isEqualTo(12_345_678_901L);
  }

  @Test
  void replacesTheFileAtomicallyLeavingNoTemporaryFileBehind() throws IOException {
    VisitStateStore store = new VisitStateStore(dir.resolve("visit-count"));
    store.save(1);
    store.save(2);

    assertThat(Files.readString(dir.resolve("visit-count"))).isEqualTo("2\n");
    try (var files = Files.list(dir)) {
      assertThat(files.map(path -> path.getFileName().toString())).containsExactly("visit-count");
    }
  }

  @Test
  void overwritesInPlaceAfterTheFirstSaveAndReplacesALongerOldLineCleanly() throws IOException {
    Path file = dir.resolve("visit-count");
    Files.writeString(file, "0000099 \n");
    try (VisitStateStore store = new VisitStateStore(file)) {
      store.save(100);
      assertThat(Files.readString(file)).isEqualTo("100\n");
      store.save(101);
      store.save(1000);
      assertThat(Files.readString(file)).isEqualTo("1000\n");
      assertThat(new VisitStateStore(file).load()).isEqualTo(1000);
    }
  }

  @Test
  void refusesAFileThatDoesNotHoldACountRatherThanRestartingFromZero() throws IOException {
    Path file = dir.resolve("visit-count");
    Files.writeString(file, "garbage");

    assertThatThrownBy(() -> new VisitStateStore(file).load())
        .isInstanceOf(IOException.class).hasMessageContaining("garbage");
  }
}
