package org.servicegrid.registry.heartbeat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * One kept-alive HTTP/1.1 connection to an address, with the probe in flight on it: the answer is
 * read as it arrives, without a buffer per connection (only the status line and headers are kept,
 * while they come), and its body is skipped by {@code Content-Length}, by chunks, or up to the end
 * of the connection. Used only by the prober's selector thread, so nothing here is synchronized.
 */
final class ProbeConnection {

  private static final int MAX_HEAD = 8192;

  private enum Phase {
    HEAD,
    BODY,
    CHUNK_SIZE,
    CHUNK_DATA,
    TRAILER,
    UNTIL_CLOSE,
    DONE
  }

  final String address;
  final InetSocketAddress target;
  SocketChannel channel;
  SelectionKey key;
  CompletableFuture<Void> answer;
  ByteBuffer request;
  long deadline;
  boolean reused;
  boolean answering;

  private Phase phase;
  private final StringBuilder line = new StringBuilder();
  private int headBytes;
  private int status;
  private long remaining;
  private boolean chunked;
  private boolean closeAfter;

  ProbeConnection(String address, InetSocketAddress target) {
    this.address = address;
    this.target = target;
  }

  /** Starts reading the answer to a new request. */
  void expectAnswer() {
    phase = Phase.HEAD;
    line.setLength(0);
    headBytes = 0;
    status = 0;
    remaining = -1;
    chunked = false;
    closeAfter = false;
    answering = false;
  }

  /**
   * Consumes what arrived; true once the whole answer is read.
   *
   * @throws IOException when the answer is not HTTP/1.1 as a heart-beat answers
   */
  boolean consume(ByteBuffer bytes) throws IOException {
    answering |= bytes.hasRemaining();
    while (bytes.hasRemaining() && phase != Phase.DONE) {
      switch (phase) {
        case HEAD, CHUNK_SIZE, TRAILER -> lineByte(bytes.get());
        case BODY, CHUNK_DATA -> skip(bytes);
        case UNTIL_CLOSE -> bytes.position(bytes.limit());
        default -> throw new IllegalStateException(phase.name());
      }
    }
    return phase == Phase.DONE;
  }

  /** The connection ended: true when that ends an answer read up to its close. */
  boolean endsAnswer() {
    return phase == Phase.UNTIL_CLOSE;
  }

  int status() {
    return status;
  }

  /** True when the answer asked for the connection to be closed, or ran up to its close. */
  boolean closeAfter() {
    return closeAfter;
  }

  private void skip(ByteBuffer bytes) {
    int n = (int) Math.min(remaining, bytes.remaining());
    bytes.position(bytes.position() + n);
    remaining -= n;
    if (remaining == 0) {
      phase = phase == Phase.BODY ? Phase.DONE : Phase.CHUNK_SIZE;
    }
  }

  private void lineByte(byte b) throws IOException {
    if (++headBytes > MAX_HEAD) {
      throw new IOException("heart-beat answer head over " + MAX_HEAD + " bytes");
    }
    if (b != '\n') {
      if (b != '\r') {
        line.append((char) (b & 0xff));
      }
      return;
    }
    String text = line.toString();
    line.setLength(0);
    switch (phase) {
      case HEAD -> headLine(text);
      case CHUNK_SIZE -> chunkSize(text);
      default -> phase = text.isEmpty() ? Phase.DONE : Phase.TRAILER; // trailers: skipped
    }
  }

  private void headLine(String text) throws IOException {
    if (status == 0) {
      if (!text.startsWith("HTTP/1.") || text.length() < 12) {
        throw new IOException("not an HTTP/1.x answer: " + text);
      }
      status = Integer.parseInt(text.substring(9, 12));
      closeAfter = text.startsWith("HTTP/1.0");
      return;
    }
    if (!text.isEmpty()) {
      header(text);
      return;
    }
    if (chunked) {
      phase = Phase.CHUNK_SIZE;
    } else if (remaining >= 0) {
      phase = remaining == 0 ? Phase.DONE : Phase.BODY;
    } else if (status == 204 || status == 304 || status / 100 == 1) {
      phase = Phase.DONE;
    } else {
      phase = Phase.UNTIL_CLOSE;
      closeAfter = true;
    }
  }

  /** Reads the three headers an answer's framing depends on; the others are skipped unread. */
  private void header(String text) throws IOException {
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new IOException("not an HTTP header: " + text);
    }
    if (isNamed(text, colon, "content-length")) {
      remaining = Long.parseLong(value(text, colon));
    } else if (isNamed(text, colon, "transfer-encoding")) {
      chunked = value(text, colon).endsWith("chunked");
    } else if (isNamed(text, colon, "connection")) {
      closeAfter |= value(text, colon).contains("close");
    }
  }

  /** True when the header name before {@code colon} is {@code name}, in any case. */
  private static boolean isNamed(String text, int colon, String name) {
    int end = colon;
    while (end > 0 && text.charAt(end - 1) == ' ') {
      end--;
    }
    return end == name.length() && text.regionMatches(true, 0, name, 0, end);
  }

  private static String value(String text, int colon) {
    return text.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
  }

  private void chunkSize(String text) {
    int end = text.indexOf(';');
    long size = Long.parseLong((end < 0 ? text : text.substring(0, end)).trim(), 16);
    if (size == 0) {
      phase = Phase.TRAILER;
    } else {
      remaining = size + 2; // the data and its CRLF
      phase = Phase.CHUNK_DATA;
    }
  }
}
