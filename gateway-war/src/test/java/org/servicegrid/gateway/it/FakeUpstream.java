package org.servicegrid.gateway.it;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A service instance stand-in (JDK HttpServer on an ephemeral loopback port). An echoing one answers every
 * path with the request it recorded, except {@code /big} (2 MiB of fixed pseudo-random bytes),
 * {@code /drip} (one line, then a second once the test releases it), {@code /stall} (10 of 100 promised
 * bytes, then silence until released) and {@code /upload} (tells {@link #uploadFirstLine} the body's first
 * line as soon as it arrived, then echoes the whole body); a holding one answers any path only
 * once released. Handlers wait on a latch rather than sleeping, and {@link #close} releases them.
 */
final class FakeUpstream implements AutoCloseable {

  static final int BIG_BODY_BYTES = 2 * 1024 * 1024;
  private static final long HOLD_SECONDS = 30;

  record Recorded(String method, String path, String rawQuery, Headers headers, byte[] body) {
    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  final AtomicReference<Recorded> last = new AtomicReference<>();
  final CountDownLatch release = new CountDownLatch(1);
  final CompletableFuture<String> uploadFirstLine = new CompletableFuture<>();
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();

  private FakeUpstream(boolean holding) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (holding) {
      server.createContext("/", exchange -> {
        hold();
        respond(exchange, 200, "late".getBytes(StandardCharsets.UTF_8));
      });
    } else {
      server.createContext("/", this::echo);
      server.createContext("/big", exchange -> respond(exchange, 200, bigBody()));
      server.createContext("/drip", this::drip);
      server.createContext("/stall", this::stall);
      server.createContext("/upload", this::upload);
    }
    server.setExecutor(executor);
    server.start();
  }

  static FakeUpstream echoing() {
    return new FakeUpstream(false);
  }

  static FakeUpstream holding() {
    return new FakeUpstream(true);
  }

  String addr() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** An address where nothing listens: the port of a socket that was just closed. */
  static String deadAddr() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return "127.0.0.1:" + socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bigBody() {
    byte[] body = new byte[BIG_BODY_BYTES];
    new Random(42).nextBytes(body);
    return body;
  }

  private void echo(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    last.set(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body));
    exchange.getResponseHeaders().add("X-Upstream", addr());
    exchange.getResponseHeaders().add("Set-Cookie", "a=1");
    exchange.getResponseHeaders().add("Set-Cookie", "b=2");
    exchange.getResponseHeaders().add("Content-Language", "fr-CA");
    int status = exchange.getRequestMethod().equals("POST") ? 201 : 200;
    respond(exchange, status, ("echo " + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
  }

  private void drip(HttpExchange exchange) throws IOException {
    exchange.sendResponseHeaders(200, 0); // chunked
    try (OutputStream out = exchange.getResponseBody()) {
      out.write("first\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      hold();
      out.write("second\n".getBytes(StandardCharsets.US_ASCII));
    }
  }

  private void upload(HttpExchange exchange) throws IOException {
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    try (InputStream in = exchange.getRequestBody()) {
      for (int b = in.read(); b >= 0; b = in.read()) {
        body.write(b);
        if (b == '\n' && !uploadFirstLine.isDone()) {
          uploadFirstLine.complete(body.toString(StandardCharsets.UTF_8).strip());
        }
      }
    }
    last.set(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body.toByteArray()));
    respond(exchange, 200, ("echo " + body.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
  }

  /** Promises 100 bytes, sends 10, then goes silent until released. */
  private void stall(HttpExchange exchange) throws IOException {
    exchange.sendResponseHeaders(200, 100);
    OutputStream out = exchange.getResponseBody();
    out.write("0123456789".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    hold();
    exchange.close();
  }

  private void hold() {
    try {
      release.await(HOLD_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
