package org.servicegrid.registry.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service instance the registry talks to: a JDK HttpServer on 127.0.0.1 (ephemeral port) that answers
 * {@code GET /heart-beat} (200, or 503 while told to fail) and records every {@code /services} notice, in
 * the order received.
 */
final class FakeInstance implements AutoCloseable {

  /** One notice as the instance received it: method, body, and the request's header names (lower case). */
  record Notice(String method, String body, Set<String> headerNames, String contentType) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Notice> notices = new CopyOnWriteArrayList<>();
  private final AtomicInteger heartBeats = new AtomicInteger();
  private final AtomicInteger heartBeatsToFail = new AtomicInteger();
  private final CountDownLatch hang = new CountDownLatch(1);
  private volatile boolean down;
  private volatile boolean hanging;
  private volatile int noticeStatus = 200;

  FakeInstance() throws IOException {
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

  /** From now on heart-beats are answered 503. */
  void stopAnsweringHeartBeats() {
    down = true;
  }

  /** The next {@code count} heart-beats are answered 503, the ones after 200. */
  void failNextHeartBeats(int count) {
    heartBeatsToFail.set(count);
  }

  private void heartBeat(HttpExchange exchange) throws IOException {
    heartBeats.incrementAndGet();
    boolean fail = down || heartBeatsToFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    answer(exchange, fail ? 503 : 200);
  }

  /** From now on notices are received (and recorded) but never answered, until {@link #close}. */
  void hangOnNotices() {
    hanging = true;
  }

  /** From now on notices are received (and recorded) and answered with {@code status}. */
  void answerNoticesWith(int status) {
    noticeStatus = status;
  }

  private void notice(HttpExchange exchange) throws IOException {
    try (InputStream body = exchange.getRequestBody()) {
      Set<String> headerNames = new TreeSet<>();
      exchange.getRequestHeaders().keySet().forEach(name -> headerNames.add(name.toLowerCase(Locale.ROOT)));
      notices.add(new Notice(exchange.getRequestMethod(), new String(body.readAllBytes(), StandardCharsets.UTF_8),
          headerNames, exchange.getRequestHeaders().getFirst("Content-Type")));
    }
    if (hanging) {
      try {
        hang.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    answer(exchange, noticeStatus);
  }

  private static void answer(HttpExchange exchange, int status) throws IOException {
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  @Override
  public void close() {
    hang.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
