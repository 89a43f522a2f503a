package org.servicegrid.visit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalLong;

/**
 * The one-line file in which earlier versions kept the visit count, read once to migrate it into
 * the database ({@link VisitCountStore}) and then renamed {@code visit-count.migrated}, so that it
 * is visibly no longer used. A file that exists but does not hold a count is an error: ignoring it
 * could hand out numbers the log already holds.
 */
final class VisitCountFile {

  private final Path file;

  VisitCountFile(Path file) {
    this.file = file.toAbsolutePath();
  }

  Path file() {
    return file;
  }

  /** The count the file holds; empty when there is no file. */
  OptionalLong read() throws IOException {
    if (!Files.exists(file)) {
      return OptionalLong.empty();
    }
    String text = Files.readString(file, StandardCharsets.UTF_8).strip();
    try {
      long count = Long.parseLong(text);
      if (count < 0) {
        throw new NumberFormatException("negative");
      }
      return OptionalLong.of(count);
    } catch (NumberFormatException e) {
      throw new IOException(
          "visit state file " + file + " does not hold a count: '" + text + "'", e);
    }
  }

  /**
   * Renames the file to {@code visit-count.migrated} (replacing an older one) once its count is in
   * the database.
   */
  Path markMigrated() throws IOException {
    Path migrated = file.resolveSibling(file.getFileName() + ".migrated");
    return Files.move(
        file, migrated, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
