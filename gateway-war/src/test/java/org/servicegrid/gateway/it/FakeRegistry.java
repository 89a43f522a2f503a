package org.servicegrid.gateway.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A registry stand-in (JDK HttpServer on an ephemeral loopback port) with a table the test chooses:
 * {@code GET /services} lists every service, {@code POST /services} answers the registrant's required
 * services and records what they were, {@code DELETE /services} is accepted. It sends no heart-beats or
 * notifications; the tests only need what the gateway learns by asking.
 */
final class FakeRegistry implements AutoCloseable {

  private final HttpServer server;
  private final ConcurrentMap<String, List<String>> services = new ConcurrentHashMap<>();
  private final List<Set<String>> registrations = new CopyOnWriteArrayList<>();

  private FakeRegistry(HttpServer server) {
    this.server = server;
  }

  static FakeRegistry start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      FakeRegistry registry = new FakeRegistry(server);
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

  /** Lists {@code name} with these instance addresses (none: known, but no live instance). */
  void put(String name, String... addrs) {
    services.put(name, List.of(addrs));
  }

  /** The RequiredServices of the last registration received, empty before any. */
  Set<String> lastRequired() {
    return registrations.isEmpty() ? Set.of() : registrations.get(registrations.size() - 1);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange; InputStream body = exchange.getRequestBody()) {
      byte[] request = body.readAllBytes();
      String answer = switch (exchange.getRequestMethod()) {
        case "GET" -> table(services.keySet());
        case "POST" -> table(register(request));
        default -> "{}";
      };
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  private Set<String> register(byte[] request) {
    JsonObject info = Json.createReader(new java.io.ByteArrayInputStream(request)).readObject();
    Set<String> required = Set.copyOf(info.getJsonArray("RequiredServices").getValuesAs(JsonString::getString));
    registrations.add(required);
    return required;
  }

  private String table(Set<String> names) {
    JsonObjectBuilder table = Json.createObjectBuilder();
    for (String name : names) {
      JsonArrayBuilder instances = Json.createArrayBuilder();
      for (String addr : services.getOrDefault(name, List.of())) {
        instances.add(Json.createObjectBuilder().add("Name", name).add("Addr", addr)
            .add("RequiredServices", Json.createArrayBuilder()));
      }
      table.add(name, instances);
    }
    return table.build().toString();
  }

  Map<String, List<String>> services() {
    return Map.copyOf(services);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
