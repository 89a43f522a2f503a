package org.servicegrid.log;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the last lines of the log by scanning backwards from the end in blocks, so {@code GET
 * /log?tail=N} costs about the size of those lines, never the size of the file. It spans the
 * current file and the most recently rotated one, so a tail right after a rotation still shows
 * history. Reading is bounded by a byte budget too; when that cuts a line, the partial line is
 * dropped rather than shown half.
 */
public final class TailReader {

  private static final Logger LOG = Logger.getLogger(TailReader.class.getName());
  private static final int BLOCK = 8192;

  /** A file to read and the offset after its last whole line. */
  public record Segment(FileChannel channel, long end) {}

  private TailReader() {}

  /** The last {@code lines} lines (without their {@code \n}), oldest first; closes the segments. */
  public static List<String> lastLines(List<Segment> oldestFirst, int lines, long maxBytes)
      throws IOException {
    try {
      Deque<String> result = new ArrayDeque<>(lines);
      long budget = maxBytes;
      for (int i = oldestFirst.size() - 1; i >= 0 && result.size() < lines && budget > 0; i--) {
        Segment segment = oldestFirst.get(i);
        byte[] tail = readBackwards(segment, lines - result.size(), budget);
        budget -= tail.length;
        List<String> found = splitWholeLines(tail, tail.length < segment.end());
        for (int j = found.size() - 1; j >= 0 && result.size() < lines; j--) {
          result.addFirst(found.get(j));
        }
      }
      return new ArrayList<>(result);
    } finally {
      closeAll(oldestFirst);
    }
  }

  /**
   * Opens the segments, oldest first: {@code previous} whole, {@code current} up to {@code
   * currentEnd} (its size when negative). Missing files are skipped. The caller keeps rotation out
   * while this runs.
   */
  static List<Segment> open(Path previous, Path current, long currentEnd) throws IOException {
    List<Segment> segments = new ArrayList<>(2);
    try {
      if (previous != null && Files.exists(previous)) {
        FileChannel channel = FileChannel.open(previous, StandardOpenOption.READ);
        segments.add(new Segment(channel, channel.size()));
      }
      if (Files.exists(current)) {
        FileChannel channel = FileChannel.open(current, StandardOpenOption.READ);
        segments.add(new Segment(channel, currentEnd < 0 ? channel.size() : currentEnd));
      }
      return segments;
    } catch (IOException e) {
      closeAll(segments);
      throw e;
    }
  }

  static void closeAll(List<Segment> segments) {
    for (Segment segment : segments) {
      try {
        segment.channel().close();
      } catch (IOException e) {
        LOG.log(Level.FINE, "Closing a tail reader failed", e);
      }
    }
  }

  /**
   * The bytes at the end of the segment holding at least {@code lines} whole lines, or the budget's
   * worth.
   */
  private static byte[] readBackwards(Segment segment, int lines, long budget) throws IOException {
    long start = segment.end();
    int newlines = 0;
    Deque<byte[]> blocks = new ArrayDeque<>();
    // One newline more than lines wanted: the one before the first wanted line proves that line is
    // whole.
    while (start > 0 && newlines <= lines && segment.end() - start < budget) {
      int length = (int) Math.min(BLOCK, Math.min(start, budget - (segment.end() - start)));
      start -= length;
      byte[] block = read(segment.channel(), start, length);
      for (byte b : block) {
        if (b == '\n') {
          newlines++;
        }
      }
      blocks.addFirst(block);
    }
    byte[] tail = new byte[(int) (segment.end() - start)];
    int offset = 0;
    for (byte[] block : blocks) {
      System.arraycopy(block, 0, tail, offset, block.length);
      offset += block.length;
    }
    return tail;
  }

  private static byte[] read(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new EOFException("log file shrank while reading its tail");
      }
    }
    return buffer.array();
  }

  /**
   * Splits on {@code \n}; when the bytes start mid-file the first piece may be partial and is
   * dropped.
   */
  private static List<String> splitWholeLines(byte[] tail, boolean startsMidFile) {
    String text = new String(tail, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    lines.remove(
        lines.size() - 1); // what follows the last \n: empty, since segments end after whole lines
    if (startsMidFile && !lines.isEmpty()) {
      lines.remove(0);
    }
    return lines;
  }
}
