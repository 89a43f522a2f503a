package org.servicegrid.log;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Turns one accepted message into exactly one line of the log file: {@code <ISO-8601 UTC timestamp>
 * <caller> <message>\n}, e.g. {@code 2026-11-25T08:15:30.042Z visit 7}. A message that came with a
 * recorded trace ends with its trace id, {@code 2026-11-25T08:15:30.042Z visit 7
 * trace_id=4bf92f3577b34da6a3ce929d0e0e4736}, so that the line leads to its trace in the trace
 * store; other lines stay as they were.
 *
 * <p>The message is escaped so that no request can end a line early or forge a second one:
 * backslash becomes {@code \\}, CR and LF become {@code \r} and {@code \n}, TAB stays, every other
 * control character and the Unicode line/paragraph separators become {@code \}{@code uXXXX}. The
 * escaping is reversible, so nothing the caller sent is lost. The timestamp always has millisecond
 * precision so lines align in a terminal.
 */
public final class LineFormat {

  /** The caller column when the request did not say which service sent it. */
  public static final String UNKNOWN_CALLER = "-";

  private static final DateTimeFormatter TO_SECOND =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.").withZone(ZoneOffset.UTC);

  /**
   * The timestamp up to the second, formatted once per second: the formatter costs more than the
   * rest of a line.
   */
  private record Second(long epochSecond, String text) {}

  private static volatile Second lastSecond = new Second(Long.MIN_VALUE, "");

  private LineFormat() {}

  /**
   * The complete line, terminated by {@code \n}; {@code caller} must already be a valid service
   * name or null.
   */
  public static String format(Instant at, String caller, String message) {
    StringBuilder line = new StringBuilder(message.length() + 48);
    appendLine(line, prefix(at, caller), message, "");
    return line.toString();
  }

  /** What every line of one request ends with: its trace id, or nothing when it was not traced. */
  static String suffix(String traceId) {
    return traceId == null ? "" : " trace_id=" + traceId;
  }

  /** What every line of one request starts with: the timestamp, the caller and a space. */
  static String prefix(Instant at, String caller) {
    StringBuilder prefix = new StringBuilder(48);
    appendTimestamp(prefix, at);
    return prefix
        .append(' ')
        .append(caller == null || caller.isEmpty() ? UNKNOWN_CALLER : caller)
        .append(' ')
        .toString();
  }

  static void appendTimestamp(StringBuilder out, Instant at) {
    Second second = lastSecond;
    if (second.epochSecond() != at.getEpochSecond()) {
      second = new Second(at.getEpochSecond(), TO_SECOND.format(at));
      lastSecond = second; // racing threads may each format the same second: harmless
    }
    int millis = at.getNano() / 1_000_000;
    out.append(second.text())
        .append((char) ('0' + millis / 100))
        .append((char) ('0' + millis / 10 % 10))
        .append((char) ('0' + millis % 10))
        .append('Z');
  }

  /** Appends {@code prefix}, the escaped message, {@code suffix} and {@code \n}. */
  static void appendLine(StringBuilder out, String prefix, String message, String suffix) {
    out.append(prefix);
    appendEscaped(out, message);
    out.append(suffix).append('\n');
  }

  static void appendEscaped(StringBuilder out, String message) {
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append(c);
        default -> {
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
  }
}
