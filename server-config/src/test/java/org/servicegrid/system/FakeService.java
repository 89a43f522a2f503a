package org.servicegrid.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A peer service written against the wire protocol only: a real HTTP server on 127.0.0.1 that registers with the
 * real registry, answers heart-beats and notifications, echoes requests and serves a large deterministic body.
 */
final class FakeService implements AutoCloseable {

  static final int BIG_BODY_BYTES = 2 * 1024 * 1024;

  final String name;
  final AtomicReference<Recorded> lastRequest = new AtomicReference<>();
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);

  record Recorded(String method, String path, String rawQuery, String body, String forwardedFor,
      String forwardedHost, String forwardedProto, String customHeader) {}

  FakeService(String name) throws IOException {
    this.name = name;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/heart-beat", exchange -> respond(exchange, 200, new byte[0]));
    server.createContext("/services", exchange -> respond(exchange, 200, new byte[0]));
    server.createContext("/echo", this::echo);
    server.createContext("/big", exchange -> respond(exchange, 200, bigBody()));
    server.setExecutor(executor);
    server.start();
  }

  String addr() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  String json() {
    return "{\"Name\":\"" + name + "\",\"Addr\":\"" + addr() + "\",\"RequiredServices\":[]}";
  }

  void register() throws Exception {
    int status = Http.postJson(SystemServers.REGISTRY + "/services", json()).statusCode();
    if (status != 200) {
      throw new IllegalStateException("registration of " + name + " answered " + status);
    }
  }

  void deregister() throws Exception {
    Http.send("DELETE", SystemServers.REGISTRY + "/services", json());
  }

  static byte[] bigBody() {
    byte[] body = new byte[BIG_BODY_BYTES];
    new Random(42).nextBytes(body);
    return body;
  }

  private void echo(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    var headers = exchange.getRequestHeaders();
    lastRequest.set(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery(), body, headers.getFirst("X-Forwarded-For"),
        headers.getFirst("X-Forwarded-Host"), headers.getFirst("X-Forwarded-Proto"), headers.getFirst("X-Custom")));
    exchange.getResponseHeaders().add("X-Upstream", name);
    respond(exchange, 201, ("echo " + body).getBytes(StandardCharsets.UTF_8));
  }

  private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() throws Exception {
    try {
      deregister();
    } finally {
      server.stop(0);
      executor.shutdownNow();
    }
  }
}
