package org.servicegrid.visit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A log service stand-in (JDK HttpServer on an ephemeral loopback port) that records each accepted message of
 * {@code POST /log/batch} (a JSON array) with its caller and request, and can be switched to answer 500, to
 * answer 500 once it has accepted a given number of messages, or stopped altogether. A batch is accepted or
 * refused whole, like the real service's.
 */
final class FakeLog implements AutoCloseable {

  record Line(String caller, String message) {}

  private final HttpServer server;
  private final List<Line> lines = new CopyOnWriteArrayList<>();
  private final List<List<String>> batches = new CopyOnWriteArrayList<>();
  private volatile boolean failing;
  private volatile int acceptLimit = Integer.MAX_VALUE;

  private FakeLog(HttpServer server) {
    this.server = server;
  }

  static FakeLog start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      FakeLog log = new FakeLog(server);
      server.createContext("/log/batch", log::handle);
      server.start();
      return log;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String addr() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  List<String> messages() {
    return lines.stream().map(Line::message).toList();
  }

  List<Line> lines() {
    return List.copyOf(lines);
  }

  /** The accepted requests, each with its messages. */
  List<List<String>> batches() {
    return List.copyOf(batches);
  }

  void failing(boolean failing) {
    this.failing = failing;
  }

  /** Accepts batches while fewer than {@code messages} messages were accepted in all, then answers 500. */
  void acceptAtMost(int messages) {
    acceptLimit = messages;
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    try (exchange; JsonReader reader = Json.createReader(exchange.getRequestBody())) {
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      List<String> batch = reader.readArray().getValuesAs(JsonString.class).stream()
          .map(JsonString::getString).toList();
      if (failing || lines.size() >= acceptLimit) {
        exchange.sendResponseHeaders(500, -1);
        return;
      }
      String caller = exchange.getRequestHeaders().getFirst("X-Service-Name");
      batch.forEach(message -> lines.add(new Line(caller, message)));
      batches.add(batch);
      exchange.sendResponseHeaders(200, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
