package org.servicegrid.system.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An instance written against the wire protocol only: a JDK HTTP server on 127.0.0.1 (ephemeral port) that
 * answers heart-beats and notifications with 200. {@link #stop} makes it vanish the way a crashed process
 * does, so the registry's heart-beats fail and it is evicted.
 */
final class FakeInstance implements AutoCloseable {

  private final String name;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private boolean stopped;

  FakeInstance(String name) throws IOException {
    this.name = name;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/heart-beat", FakeInstance::ok);
    server.createContext("/services", FakeInstance::ok);
    server.setExecutor(executor);
    server.start();
  }

  String addr() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  void register() throws Exception {
    var answer = Http.send("POST", Server.REGISTRY.url("/services"), "application/json", info());
    assertThat(answer.statusCode()).as("registration of %s@%s: %s", name, addr(), answer.body()).isEqualTo(200);
  }

  /** Stops answering at all: connections are refused from now on. */
  void stop() {
    if (!stopped) {
      stopped = true;
      server.stop(0);
      executor.shutdownNow();
    }
  }

  @Override
  public void close() throws Exception {
    try {
      if (!stopped) {
        Http.send("DELETE", Server.REGISTRY.url("/services"), "application/json", info());
      }
    } finally {
      stop();
    }
  }

  private String info() {
    return Json.createObjectBuilder().add("Name", name).add("Addr", addr())
        .add("RequiredServices", Json.createArrayBuilder()).build().toString();
  }

  private static void ok(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    exchange.sendResponseHeaders(200, -1);
    exchange.close();
  }
}
