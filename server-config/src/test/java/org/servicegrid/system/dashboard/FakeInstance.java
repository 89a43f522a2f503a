package org.servicegrid.system.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A service instance written against the wire protocol only: a JDK HTTP server on 127.0.0.1 that answers
 * {@code /heart-beat} and {@code /services} with 200 and registers with the real registry. It can
 * {@link #freeze()} like a hung process: connections are still accepted but heart-beats are never answered,
 * so each of the registry's attempts lasts its whole read timeout and the instance stays FAILING for over a
 * second before it is evicted, long enough for a page polling a few times a second to show it.
 */
final class FakeInstance implements AutoCloseable {

  final String name;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final CountDownLatch thawed = new CountDownLatch(1);
  private volatile boolean frozen;

  FakeInstance(String name) throws IOException {
    this.name = name;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/heart-beat", this::heartBeat);
    server.createContext("/services", exchange -> answer(exchange, 200));
    server.setExecutor(executor);
    server.start();
  }

  String addr() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  void register() throws Exception {
    HttpResponse<String> response = Registry.send("POST", "/services", json());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("registering " + addr() + " answered " + response.statusCode());
    }
  }

  void deregister() throws Exception {
    Registry.send("DELETE", "/services", json());
  }

  /** From now on heart-beats are accepted but never answered. */
  void freeze() {
    frozen = true;
  }

  private void heartBeat(HttpExchange exchange) throws IOException {
    if (frozen) {
      // Hold the exchange until close(): the registry's read timeout ends the attempt, not this server.
      try {
        thawed.await(2, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    answer(exchange, 200);
  }

  private static void answer(HttpExchange exchange, int status) throws IOException {
    exchange.getRequestBody().readAllBytes();
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  private String json() {
    return Json.createObjectBuilder()
        .add("Name", name)
        .add("Addr", addr())
        .add("RequiredServices", Json.createArrayBuilder())
        .build()
        .toString();
  }

  /** Stops the server; deregistering is the test's business (an evicted instance has nothing to undo). */
  @Override
  public void close() {
    thawed.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
