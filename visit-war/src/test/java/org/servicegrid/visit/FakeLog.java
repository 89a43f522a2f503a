package org.servicegrid.visit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A log service stand-in (JDK HttpServer on an ephemeral loopback port) that records each accepted
 * {@code POST /log} message and its caller, and can be switched to answer 500 or stopped altogether.
 */
final class FakeLog implements AutoCloseable {

  record Line(String caller, String message) {}

  private final HttpServer server;
  private final List<Line> lines = new CopyOnWriteArrayList<>();
  private volatile boolean failing;

  private FakeLog(HttpServer server) {
    this.server = server;
  }

  static FakeLog start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      FakeLog log = new FakeLog(server);
      server.createContext("/log", log::handle);
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

  void failing(boolean failing) {
    this.failing = failing;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (failing || !exchange.getRequestMethod().equals("POST")) {
        exchange.sendResponseHeaders(failing ? 500 : 405, -1);
        return;
      }
      lines.add(new Line(exchange.getRequestHeaders().getFirst("X-Service-Name"), body));
      exchange.sendResponseHeaders(200, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
