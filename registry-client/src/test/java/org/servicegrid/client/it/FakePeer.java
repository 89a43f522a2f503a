package org.servicegrid.client.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A fake HTTP peer on 127.0.0.1: records every request and answers with a function of it. It can be
 * stopped and started again on the same port, to play a registry that goes away and comes back.
 */
class FakePeer {

  /** An answer: status and JSON (or empty) body. */
  record Answer(int status, String body) {}

  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final Function<RecordedRequest, Answer> answers;
  private final int port;
  private HttpServer server;

  /** A peer on a free ephemeral port, not started yet. */
  FakePeer(Function<RecordedRequest, Answer> answers) {
    this.answers = answers;
    this.port = freePort();
  }

  synchronized FakePeer start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
    return this;
  }

  synchronized void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  int port() {
    return port;
  }

  String addr() {
    return "127.0.0.1:" + port;
  }

  List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  List<RecordedRequest> requests(String method, String path) {
    return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(),
          exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body);
      requests.add(request);
      Answer answer = answers.apply(request);
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        exchange.getResponseBody().write(bytes);
      }
    }
  }

  /** An ephemeral port the OS just handed out, so the peer can be (re)started on it later. */
  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
