package org.servicegrid.log;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open generation of the log file and the reason it is unavailable, if it is. It opens the path
 * when a line needs it and lets go of the open file after a failed write or once the path no longer
 * names it, so the next line reopens the path: a cleared disk, a replaced volume, a file deleted by
 * an operator or renamed away by an external rotation all heal without a restart. Not thread-safe:
 * every call happens under {@link LogFile}'s lock, except {@link #failure}, which the liveness
 * check reads.
 */
final class ReopeningFile {

  static final String REMOVED_OR_REPLACED = "log file was removed or replaced";

  private static final Logger LOG = Logger.getLogger(ReopeningFile.class.getName());

  private final Path path;
  private AppendOnlyFile current; // null until opened, after a failure, once stale and after close
  private boolean closed;
  private volatile String
      failure; // why lines cannot be appended now; null again once a write succeeds

  ReopeningFile(Path path) {
    this.path = path;
  }

  /**
   * The open file, opening the path if needed; null if that failed (see {@link #failure}) or after
   * close.
   */
  AppendOnlyFile open() {
    if (current == null && !closed) {
      try {
        current = AppendOnlyFile.open(path);
        LOG.log(
            Level.FINE,
            "Opened log file {0} at {1} bytes",
            new Object[] {path, String.valueOf(current.size())});
      } catch (IOException e) {
        String reason = "cannot open: " + e;
        // Every append retries the open; report each new reason once, not once per request.
        LOG.log(
            reason.equals(failure) ? Level.FINE : Level.WARNING,
            "Cannot open log file {0}: {1}",
            new Object[] {path, e.toString()});
        failure = reason;
      }
    }
    return current;
  }

  /** The open file or null, without opening it. */
  AppendOnlyFile current() {
    return current;
  }

  /**
   * Writes a line to the open file; a failure closes it (the next line reopens) and is reported.
   */
  void write(byte[] line) throws IOException {
    try {
      current.write(line);
      failure = null;
    } catch (IOException e) {
      failure = "write failed: " + e;
      LOG.log(
          Level.WARNING, "Writing to log file {0} failed: {1}", new Object[] {path, e.toString()});
      release();
      throw e;
    }
  }

  /**
   * Lets go of the open file if the path no longer names it whole. Removed or replaced: lines
   * written since went to an inode nobody will read, so that is a failure until the next line
   * reopens the path. Truncated by a copy-and-truncate rotation: nothing was lost, only the
   * remembered size is wrong, so a quiet reopen.
   */
  void releaseIfNotAtPath() {
    AppendOnlyFile.Standing standing =
        current == null ? AppendOnlyFile.Standing.CURRENT : current.standing();
    if (standing == AppendOnlyFile.Standing.REMOVED_OR_REPLACED) {
      failure = REMOVED_OR_REPLACED;
      LOG.log(
          Level.WARNING,
          "Log file {0} was removed or replaced; the next line reopens the path",
          path);
      release();
    } else if (standing == AppendOnlyFile.Standing.TRUNCATED) {
      LOG.log(Level.INFO, "Log file {0} was truncated by someone else; reopening it", path);
      release();
    }
  }

  /** Closes the open file; the next {@link #open} opens the path again. */
  void release() {
    if (current != null) {
      try {
        current.close();
      } catch (IOException e) {
        LOG.log(
            Level.WARNING, "Closing log file {0} failed: {1}", new Object[] {path, e.toString()});
      }
      current = null;
    }
  }

  /** Closes the file for good: no more opens. */
  void close() {
    closed = true;
    failure = "log file is closed";
    release();
  }

  String failure() {
    return failure;
  }
}
