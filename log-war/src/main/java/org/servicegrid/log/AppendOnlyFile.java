package org.servicegrid.log;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * One open generation of the log file, written through an unbuffered {@link FileOutputStream} in
 * append mode: each {@link #write} hands the bytes to the OS before it returns. A stream rather
 * than a {@code FileChannel} because an interrupted thread closes a channel for every other thread,
 * whereas a stream write is not interruptible. It remembers the file's key (device and inode on
 * Linux) so that {@link #standing} can tell when the path no longer names this file. Not
 * thread-safe: {@link LogFile}'s lock guards it.
 */
final class AppendOnlyFile implements AutoCloseable {

  /** What the path names now, compared with the file this object has open. */
  enum Standing {
    /** The path still names this file, with every line written. */
    CURRENT,
    /** Same file, but shorter than what was written: cut by a copy-and-truncate rotation. */
    TRUNCATED,
    /** The path names no file or another one: deleted, or renamed away and recreated. */
    REMOVED_OR_REPLACED
  }

  private final Path path;
  private final FileOutputStream out;
  private final Object
      key; // null on file systems without file keys: then only truncation is noticed
  private long size;

  private AppendOnlyFile(Path path, FileOutputStream out, Object key, long size) {
    this.path = path;
    this.out = out;
    this.key = key;
    this.size = size;
  }

  static AppendOnlyFile open(Path path) throws IOException {
    Files.createDirectories(path.getParent());
    FileOutputStream out = new FileOutputStream(path.toFile(), true);
    try {
      // Not out.getChannel().size(): a channel call from an interrupted thread would close the
      // stream too.
      BasicFileAttributes opened = Files.readAttributes(path, BasicFileAttributes.class);
      return new AppendOnlyFile(path, out, opened.fileKey(), opened.size());
    } catch (IOException e) {
      out.close();
      throw e;
    }
  }

  /** Bytes of whole lines in the file. */
  long size() {
    return size;
  }

  /**
   * One {@code stat} of the path: cheap, but not free, so {@link LogFile} decides how often to ask.
   */
  Standing standing() {
    BasicFileAttributes now;
    try {
      now = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (
        IOException
            e) { // NoSuchFileException, or a directory we may no longer enter: not ours either way
      return Standing.REMOVED_OR_REPLACED;
    }
    if (key != null && !key.equals(now.fileKey())) {
      return Standing.REMOVED_OR_REPLACED;
    }
    return now.size() < size ? Standing.TRUNCATED : Standing.CURRENT;
  }

  /** Writes the line; if that fails part-way, cuts the file back so no torn line stays behind. */
  void write(byte[] line) throws IOException {
    try {
      out.write(line);
      size += line.length;
    } catch (IOException e) {
      try {
        out.getChannel().truncate(size);
      } catch (IOException truncateFailed) {
        e.addSuppressed(truncateFailed);
      }
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
