package org.servicegrid.log;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One open generation of the log file, written through an unbuffered {@link FileOutputStream} in append
 * mode: each {@link #write} hands the bytes to the OS before it returns. A stream rather than a
 * {@code FileChannel} because an interrupted thread closes a channel for every other thread, whereas a
 * stream write is not interruptible. Not thread-safe: {@link LogFile}'s lock guards it.
 */
final class AppendOnlyFile implements AutoCloseable {

  private final FileOutputStream out;
  private long size;

  private AppendOnlyFile(FileOutputStream out, long size) {
    this.out = out;
    this.size = size;
  }

  static AppendOnlyFile open(Path path) throws IOException {
    Files.createDirectories(path.getParent());
    FileOutputStream out = new FileOutputStream(path.toFile(), true);
    try {
      // Not out.getChannel().size(): a channel call from an interrupted thread would close the stream too.
      return new AppendOnlyFile(out, Files.size(path));
    } catch (IOException e) {
      out.close();
      throw e;
    }
  }

  /** Bytes of whole lines in the file. */
  long size() {
    return size;
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
