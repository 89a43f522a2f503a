package org.servicegrid.visit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A registry stand-in (JDK HttpServer on an ephemeral loopback port): answers every registration with the
 * current fake log instance, as the real registry answers a service's required instances.
 */
final class FakeRegistry implements AutoCloseable {

  private final HttpServer server;
  private volatile String logAddr;

  private FakeRegistry(HttpServer server, String logAddr) {
    this.server = server;
    this.logAddr = logAddr;
  }

  static FakeRegistry start(String logAddr) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      FakeRegistry registry = new FakeRegistry(server, logAddr);
      server.createContext("/services", registry::handle);
      server.start();
      return registry;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void logAddr(String addr) {
    this.logAddr = addr;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      JsonObjectBuilder answer = Json.createObjectBuilder();
      if (exchange.getRequestMethod().equals("POST")) {
        answer.add("log", Json.createArrayBuilder().add(logInstance(logAddr)));
      }
      byte[] body = answer.build().toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  /** A log instance as the protocol's ServiceInfo JSON. */
  static JsonObject logInstance(String addr) {
    return Json.createObjectBuilder()
        .add("Name", "log")
        .add("Addr", addr)
        .add("RequiredServices", Json.createArrayBuilder())
        .build();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
