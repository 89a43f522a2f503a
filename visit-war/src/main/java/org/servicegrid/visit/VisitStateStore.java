package org.servicegrid.visit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Keeps the visit count in a one-line text file. A save writes a temporary file next to it and renames it
 * over the old one (atomic within a directory), so a crash mid-save leaves the previous count, never a
 * truncated file. A file that exists but does not hold a count is an error: starting again from zero would
 * hand out numbers the log already holds.
 */
final class VisitStateStore {

  private final Path file;
  private final Path temporary;

  VisitStateStore(Path file) {
    this.file = file.toAbsolutePath();
    this.temporary = this.file.resolveSibling(this.file.getFileName() + ".tmp");
  }

  Path file() {
    return file;
  }

  /** The saved count, 0 when nothing was saved yet. */
  long load() throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    String text = Files.readString(file, StandardCharsets.UTF_8).strip();
    try {
      long count = Long.parseLong(text);
      if (count < 0) {
        throw new NumberFormatException("negative");
      }
      return count;
    } catch (NumberFormatException e) {
      throw new IOException("visit state file " + file + " does not hold a count: '" + text + "'", e);
    }
  }

  void save(long count) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(temporary, count + "\n", StandardCharsets.UTF_8);
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
