package org.servicegrid.log;

import org.servicegrid.protocol.InvalidRequestException;

/**
 * Parses the {@code tail} query parameter: absent means the default, anything outside 1..max is a
 * 400.
 */
final class TailRequest {

  private TailRequest() {}

  static int lines(String tail, int defaultLines, int maxLines) {
    if (tail == null || tail.isEmpty()) {
      return defaultLines;
    }
    int lines;
    try {
      lines = Integer.parseInt(tail);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("tail must be a whole number between 1 and " + maxLines);
    }
    if (lines < 1 || lines > maxLines) {
      throw new InvalidRequestException(
          "tail must be between 1 and " + maxLines + ", was " + lines);
    }
    return lines;
  }
}
