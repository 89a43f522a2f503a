package org.servicegrid.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Size-based rotation in the classic numbered scheme: {@code service.log} becomes {@code
 * service.log.1}, {@code .1} becomes {@code .2}, ... and the oldest beyond {@code keep} is deleted.
 * Renames within one directory are atomic, so a reader never sees a half-moved file; the writer
 * holds its lock while shifting so no line is written between the rename and the reopen.
 */
final class Rotation {

  private Rotation() {}

  /** The {@code index}-th older file ({@code service.log.1} is the most recent rotated one). */
  static Path rotated(Path file, int index) {
    return file.resolveSibling(file.getFileName() + "." + index);
  }

  /** Moves the current file out of the way; afterwards {@code file} does not exist. */
  static void shift(Path file, int keep) throws IOException {
    if (keep <= 0) {
      Files.deleteIfExists(file);
      return;
    }
    Files.deleteIfExists(rotated(file, keep));
    for (int i = keep - 1; i >= 1; i--) {
      Path older = rotated(file, i);
      if (Files.exists(older)) {
        Files.move(older, rotated(file, i + 1), StandardCopyOption.ATOMIC_MOVE);
      }
    }
    if (Files.exists(file)) {
      Files.move(file, rotated(file, 1), StandardCopyOption.ATOMIC_MOVE);
    }
  }
}
