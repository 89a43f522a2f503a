package org.servicegrid.system.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service instance written against the wire protocol only (JDK HttpServer on 127.0.0.1, ephemeral port):
 * answers {@code GET /heart-beat} until told to hang, and records every {@code /services} notice in order.
 */
final class FakeDependent implements AutoCloseable {

  /** A notice as received: method and JSON body. */
  record Notice(String method, String body) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Notice> notices = new CopyOnWriteArrayList<>();
  private final AtomicInteger heartBeats = new AtomicInteger();
  private final CountDownLatch released = new CountDownLatch(1);
  private volatile boolean hung;

  FakeDependent() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/heart-beat", this::heartBeat);
    server.createContext("/services", this::notice);
    server.setExecutor(threads);
    server.start();
  }

  String addr() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  List<Notice> notices() {
    return List.copyOf(notices);
  }

  int heartBeats() {
    return heartBeats.get();
  }

  /** From now on heart-beat requests are accepted but never answered, like a hung process. */
  void hangOnHeartBeats() {
    hung = true;
  }

  private void heartBeat(HttpExchange exchange) throws IOException {
    heartBeats.incrementAndGet();
    if (hung) {
      try {
        released.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    answer(exchange);
  }

  private void notice(HttpExchange exchange) throws IOException {
    try (InputStream body = exchange.getRequestBody()) {
      notices.add(new Notice(exchange.getRequestMethod(), new String(body.readAllBytes(), StandardCharsets.UTF_8)));
    }
    answer(exchange);
  }

  private static void answer(HttpExchange exchange) throws IOException {
    exchange.sendResponseHeaders(200, -1);
    exchange.close();
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
