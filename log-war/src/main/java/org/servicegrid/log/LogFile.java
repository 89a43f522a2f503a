package org.servicegrid.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one open log file: appends whole lines from many threads, rotates by size and closes once.
 *
 * <p>Concurrency: one unfair {@link ReentrantLock} around "rotate if needed, write the line". Only
 * the lock holder touches the file, so lines never interleave or tear, and {@link #append} returns
 * once its line is in the OS (no {@code fsync}; the service does not promise that). No group
 * commit: writing a line costs far less than serving its HTTP request, so the lock is almost always
 * free and batching would have nothing to amortize without an {@code fsync} per batch (measurements
 * in bench/README.md).
 *
 * <p>Failures heal without a restart ({@link ReopeningFile}). Whether {@code log.file} still names
 * the open file costs a {@code stat}, so appends check it at most once per {@code
 * identityCheckInterval} (one clock read otherwise) and {@link #problem}, the liveness check, on
 * every call.
 */
public final class LogFile implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(LogFile.class.getName());

  private final Path path;
  private final long maxBytes;
  private final int keep;
  private final Runnable onRotation;
  private final long identityCheckNanos;
  private final ReentrantLock lock = new ReentrantLock();
  private final ReopeningFile file; // guarded by lock
  private long nextIdentityCheck; // guarded by lock; a System.nanoTime() value

  public LogFile(Path path, long maxBytes, int keep, Runnable onRotation) {
    this(path, maxBytes, keep, onRotation, Duration.ofSeconds(1));
  }

  LogFile(Path path, long maxBytes, int keep, Runnable onRotation, Duration identityCheckInterval) {
    this.path = path.toAbsolutePath();
    this.maxBytes = maxBytes;
    this.keep = keep;
    this.onRotation = onRotation;
    this.identityCheckNanos = identityCheckInterval.toNanos();
    this.file = new ReopeningFile(this.path);
    this.nextIdentityCheck =
        System.nanoTime() + identityCheckNanos; // nanoTime may be negative: never compare to 0
  }

  public Path path() {
    return path;
  }

  /** Opens the file now (at start) so a bad path shows up at once, not with the first request. */
  public boolean open() {
    lock.lock();
    try {
      return file.open() != null;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Appends whole lines (each ending in {@code \n}) in one write, so they stay contiguous and in
   * one file; returns once they are written, throws if they were not (then none of them is in the
   * file).
   */
  public void append(byte[] line) throws IOException {
    lock.lock();
    try {
      if (System.nanoTime() - nextIdentityCheck >= 0) {
        checkIdentity();
      }
      AppendOnlyFile current = file.open();
      // Lines that alone exceed the maximum still go into a fresh file rather than being refused.
      if (current != null && current.size() > 0 && current.size() + line.length > maxBytes) {
        rotate(current.size());
        current = file.open();
      }
      if (current == null) {
        throw new IOException("log file " + path + " is unavailable: " + file.failure());
      }
      file.write(line);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Read channels over the whole lines written so far: the last rotated file (if kept), then the
   * current.
   */
  public List<TailReader.Segment> snapshotForTail() throws IOException {
    lock.lock(); // opening under the lock means no rotation can rename the files in between
    try {
      checkIdentity(); // a remembered size would read past the end of a truncated or different file
      Path previous = keep > 0 ? Rotation.rotated(path, 1) : null;
      AppendOnlyFile current = file.current();
      return TailReader.open(previous, path, current == null ? -1 : current.size());
    } finally {
      lock.unlock();
    }
  }

  /** Null while appends work, else the reason they do not (for the liveness check). */
  public String problem() {
    lock.lock(); // one stat: an append waits for at most that
    try {
      checkIdentity();
    } finally {
      lock.unlock();
    }
    String failure = file.failure();
    if (failure != null) {
      return failure;
    }
    return Files.exists(path) && !Files.isWritable(path) ? "file is not writable" : null;
  }

  @Override
  public void close() {
    lock.lock();
    try {
      file.close();
    } finally {
      lock.unlock();
    }
  }

  private void checkIdentity() {
    nextIdentityCheck = System.nanoTime() + identityCheckNanos;
    file.releaseIfNotAtPath();
  }

  private void rotate(long rotatedSize) {
    file.release();
    try {
      Rotation.shift(path, keep);
      onRotation.run();
      LOG.log(
          Level.INFO,
          "Rotated log file {0} at {1} bytes",
          new Object[] {path, String.valueOf(rotatedSize)});
    } catch (IOException e) {
      // Keep serving in the oversized file rather than refusing lines; the next append tries again.
      LOG.log(Level.WARNING, "Cannot rotate log file {0}: {1}", new Object[] {path, e.toString()});
    }
  }
}
