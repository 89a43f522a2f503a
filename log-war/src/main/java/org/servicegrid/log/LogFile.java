package org.servicegrid.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one open log file: appends whole lines from many threads, rotates by size and closes once.
 *
 * <p>Concurrency: one unfair {@link ReentrantLock} around "rotate if needed, write the line". Only the lock
 * holder touches the file, so lines never interleave or tear, and {@link #append} returns once its line is
 * in the OS (no {@code fsync}; the service does not promise that). Why not group commit (one writer drains a
 * queue, one write per batch)? Measured on the project's 2-core machine, 16 threads appending 50k lines each
 * straight into this class: the plain lock did 300-530k lines/s (p99 4-24 us), a lock-combining group
 * commit 250-480k lines/s (p99 7-37 us). Writing a line costs about a microsecond and serving its HTTP request a
 * few hundred, so the lock is almost always free and batching has nothing to amortize; it would pay only
 * with an {@code fsync} per batch.
 *
 * <p>Failures: a failed write is cut back to the last whole line and the file is closed; the next append
 * reopens it, so a full disk that is cleared or a replaced volume heals without a restart.
 */
public final class LogFile implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(LogFile.class.getName());

  private final Path path;
  private final long maxBytes;
  private final int keep;
  private final Runnable onRotation;
  private final ReentrantLock lock = new ReentrantLock();
  private AppendOnlyFile current; // guarded by lock; null while closed or after a failure
  private boolean closed; // guarded by lock
  private volatile String failure; // why the last open or write failed; null again once a write succeeds

  public LogFile(Path path, long maxBytes, int keep, Runnable onRotation) {
    this.path = path.toAbsolutePath();
    this.maxBytes = maxBytes;
    this.keep = keep;
    this.onRotation = onRotation;
  }

  public Path path() {
    return path;
  }

  /** Opens the file now (at start) so a bad path shows up at once, not with the first request. */
  public boolean open() {
    lock.lock();
    try {
      return ensureOpen();
    } finally {
      lock.unlock();
    }
  }

  /** Appends one complete line (ending in {@code \n}); returns once it is written, throws if it was not. */
  public void append(byte[] line) throws IOException {
    lock.lock();
    try {
      // A line that alone exceeds the maximum still goes into a fresh file rather than being refused.
      if (ensureOpen() && current.size() > 0 && current.size() + line.length > maxBytes) {
        rotate();
      }
      if (!ensureOpen()) {
        throw new IOException("log file " + path + " is unavailable: " + failure);
      }
      current.write(line);
      failure = null;
    } catch (IOException e) {
      if (current != null) { // the write failed, not the open: reopen with the next line
        failure = "write failed: " + e;
        LOG.log(Level.WARNING, "Writing to log file {0} failed: {1}", new Object[] {path, e.toString()});
        closeCurrent();
      }
      throw e;
    } finally {
      lock.unlock();
    }
  }

  /** Read channels over the whole lines written so far: the last rotated file (if kept), then the current. */
  public List<TailReader.Segment> snapshotForTail() throws IOException {
    lock.lock(); // opening under the lock means no rotation can rename the files in between
    try {
      Path previous = keep > 0 ? Rotation.rotated(path, 1) : null;
      return TailReader.open(previous, path, current == null ? -1 : current.size());
    } finally {
      lock.unlock();
    }
  }

  /** Null while appends work, else the reason they do not (for the liveness check). */
  public String problem() {
    String last = failure;
    if (last != null) {
      return last;
    }
    return Files.exists(path) && !Files.isWritable(path) ? "file is not writable" : null;
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      failure = "log file is closed";
      closeCurrent();
    } finally {
      lock.unlock();
    }
  }

  private boolean ensureOpen() {
    if (current == null && !closed) {
      try {
        current = AppendOnlyFile.open(path);
        LOG.log(Level.FINE, "Opened log file {0} at {1} bytes", new Object[] {path, String.valueOf(current.size())});
      } catch (IOException e) {
        String reason = "cannot open: " + e;
        // Every append retries the open; report each new reason once, not once per request.
        LOG.log(reason.equals(failure) ? Level.FINE : Level.WARNING, "Cannot open log file {0}: {1}",
            new Object[] {path, e.toString()});
        failure = reason;
      }
    }
    return current != null;
  }

  private void rotate() {
    long rotatedSize = current.size();
    closeCurrent();
    try {
      Rotation.shift(path, keep);
      onRotation.run();
      LOG.log(Level.INFO, "Rotated log file {0} at {1} bytes", new Object[] {path, String.valueOf(rotatedSize)});
    } catch (IOException e) {
      // Keep serving in the oversized file rather than refusing lines; the next append tries again.
      LOG.log(Level.WARNING, "Cannot rotate log file {0}: {1}", new Object[] {path, e.toString()});
    }
  }

  private void closeCurrent() {
    if (current != null) {
      try {
        current.close();
      } catch (IOException e) {
        LOG.log(Level.WARNING, "Closing log file {0} failed: {1}", new Object[] {path, e.toString()});
      }
      current = null;
    }
  }
}
