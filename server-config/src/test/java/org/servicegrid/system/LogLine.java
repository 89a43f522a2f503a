package org.servicegrid.system;

import java.time.Instant;

/** One line of the log service's file: {@code <ISO-8601 UTC timestamp> <caller> <message>}. */
record LogLine(Instant time, String caller, String message) {

  static LogLine parse(String line) {
    String[] parts = line.split(" ", 3);
    if (parts.length < 3) {
      throw new IllegalArgumentException("not a log line: " + line);
    }
    return new LogLine(Instant.parse(parts[0]), parts[1], parts[2]);
  }

  /** The visit count a visit line carries: the message's last number. */
  long count() {
    String[] words = message.trim().split("\\s+");
    return Long.parseLong(words[words.length - 1]);
  }
}
