package org.servicegrid.testsupport;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a {@link FakeHttpServer} sends back: status, headers and body, possibly late (after a delay,
 * or held until the test releases the server), streamed by a {@link BodyWriter}, or not at all (the
 * connection is closed). Immutable: each modifier returns a new reply, so one reply can answer many
 * requests. Made by the factories below rather than by the constructor.
 */
public record Reply(
    int status,
    List<Map.Entry<String, String>> headers,
    byte[] body,
    BodyWriter writer,
    long length,
    Duration delay,
    boolean held,
    boolean answered)
    implements Answer {

  /**
   * Writes a streamed body; it may flush and wait (e.g. {@link FakeHttpServer#awaitRelease()}) in
   * between.
   */
  @FunctionalInterface
  public interface BodyWriter {
    void write(OutputStream out) throws IOException;
  }

  public Reply {
    headers = List.copyOf(headers);
  }

  /** The status and no body. */
  public static Reply status(int status) {
    return bytes(status, new byte[0]);
  }

  public static Reply bytes(int status, byte[] body) {
    return new Reply(status, List.of(), body.clone(), null, 0, Duration.ZERO, false, true);
  }

  public static Reply text(int status, String text) {
    return bytes(status, text.getBytes(StandardCharsets.UTF_8))
        .header("Content-Type", "text/plain; charset=UTF-8");
  }

  public static Reply json(int status, String json) {
    return bytes(status, json.getBytes(StandardCharsets.UTF_8))
        .header("Content-Type", "application/json");
  }

  /**
   * A body the writer streams; {@code length} as {@link
   * com.sun.net.httpserver.HttpExchange#sendResponseHeaders} takes it: 0 for chunked, else the
   * length promised (a writer may write less, to play a stalled peer).
   */
  public static Reply streamed(int status, long length, BodyWriter writer) {
    return new Reply(status, List.of(), new byte[0], writer, length, Duration.ZERO, false, true);
  }

  /**
   * Takes the request and never answers: held until the server is released or closed, then the
   * connection drops.
   */
  public static Reply hang() {
    return new Reply(0, List.of(), new byte[0], null, 0, Duration.ZERO, true, false);
  }

  public Reply header(String name, String value) {
    List<Map.Entry<String, String>> more = new ArrayList<>(headers);
    more.add(Map.entry(name, value));
    return new Reply(status, more, body, writer, length, delay, held, answered);
  }

  /** Answers only after {@code delay} (cut short when the server closes). */
  public Reply after(Duration delay) {
    return new Reply(status, headers, body, writer, length, delay, held, answered);
  }

  /** Answers only once the test calls {@link FakeHttpServer#release()} (or closes the server). */
  public Reply afterRelease() {
    return new Reply(status, headers, body, writer, length, delay, true, answered);
  }

  @Override
  public Reply answer(RecordedRequest request) {
    return this;
  }

  /** Sends this reply on the exchange (no body for a HEAD), or nothing if it never answers. */
  void writeTo(HttpExchange exchange, String method) throws IOException {
    if (!answered) {
      return; // the connection closes without an answer
    }
    headers.forEach(
        header -> exchange.getResponseHeaders().add(header.getKey(), header.getValue()));
    if (writer != null) {
      exchange.sendResponseHeaders(status, length);
      try (OutputStream out = exchange.getResponseBody()) {
        writer.write(out);
      }
      return;
    }
    byte[] sent = method.equals("HEAD") ? new byte[0] : body;
    exchange.sendResponseHeaders(status, sent.length == 0 ? -1 : sent.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(sent);
    }
  }
}
