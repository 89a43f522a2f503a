package org.servicegrid.visit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Keeps the visit count in a one-line text file. The first save of a store writes a temporary file next to
 * it and renames it over the old one (atomic within a directory), so whatever the file held before, a crash
 * mid-save leaves the previous count, never a truncated file. Later saves overwrite the line in place with
 * one small write at offset 0 through the file kept open: a rename per save cost more than the log call it
 * follows, and since the count never goes backwards the new line is never shorter than the old one, so no
 * stale character can remain behind it. A file that exists but does not hold a count is an error: starting
 * again from zero would hand out numbers the log already holds. Not thread-safe: the caller serializes saves.
 */
final class VisitStateStore implements AutoCloseable {

  private final Path file;
  private final Path temporary;
  private RandomAccessFile open; // after the first save, until closed
  private boolean closed;

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

  /** Saves {@code count}, which must not be below any count saved before through this store. */
  void save(long count) throws IOException {
    byte[] line = (count + "\n").getBytes(StandardCharsets.US_ASCII);
    if (open == null) {
      Files.createDirectories(file.getParent());
      Files.write(temporary, line);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      if (!closed) { // a save after close (a group finishing during shutdown) renames and keeps nothing open
        open = new RandomAccessFile(file.toFile(), "rw");
      }
    } else {
      open.seek(0);
      open.write(line); // a RandomAccessFile, not a FileChannel: an interrupted thread must not close it
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    if (open != null) {
      open.close();
      open = null;
    }
  }
}
