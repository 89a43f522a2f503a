package org.servicegrid.testsupport;

import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A peer the code under test talks to over real HTTP: a JDK {@link HttpServer} on 127.0.0.1
 * (ephemeral port) that answers each method and path as the test configured ({@link #on}) and
 * records every request, in the order received. It can stop listening and start again on the same
 * port, like a peer that goes away and comes back. Its own fixed pool of daemon threads serves
 * requests; a held answer ties up one until {@link #release()} or {@link #close()}, for at most two
 * minutes.
 *
 * <p>Ports are never picked by opening and closing a socket (another process could take the port in
 * between): a started server binds port 0 itself, and while one is not listening its port stays
 * held by a socket that is bound but does not listen, so connections are refused and the system
 * hands the port to no other socket (see {@link #reserve}).
 */
public final class FakeHttpServer implements AutoCloseable {

  /** Matches any method in {@link #on} and {@link #requests(String, String)}. */
  public static final String ANY = "*";

  private static final Logger LOG = Logger.getLogger(FakeHttpServer.class.getName());
  private static final Duration HOLD_LIMIT = Duration.ofMinutes(2);
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int THREADS = 32;

  static {
    // The JDK server writes an answer's headers and body in separate packets; with Nagle's
    // algorithm on, the body then waits for the client's delayed ACK (~40 ms) on every kept-alive
    // exchange. Read once, when the JDK's server classes load.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /** The sockets that hold the ports of {@link #deadAddr()} for as long as this JVM runs. */
  private static final List<Socket> DEAD_PORTS = new CopyOnWriteArrayList<>();

  private final Map<String, Answer> routes = new ConcurrentHashMap<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final List<ArrivingRequest> arriving = new CopyOnWriteArrayList<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);

  private final ExecutorService threads;
  private final InetAddress host;
  private volatile Answer otherwise = Reply.status(404);
  private int port;
  private HttpServer server;
  private Socket reservation; // holds the port while the server does not listen

  private FakeHttpServer(InetAddress host, Socket reservation) {
    this.host = host;
    this.reservation = reservation;
    this.port = reservation == null ? 0 : reservation.getLocalPort();
    AtomicInteger count = new AtomicInteger();
    this.threads =
        Executors.newFixedThreadPool(
            THREADS,
            task -> {
              Thread thread = new Thread(task, "fake-http-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** A server listening at once on an ephemeral port. */
  public static FakeHttpServer started() {
    return new FakeHttpServer(InetAddress.getLoopbackAddress(), null).start();
  }

  /**
   * A server listening at once on an ephemeral port of {@code host}, another loopback address than
   * 127.0.0.1 (e.g. 127.0.0.2, which Linux serves too): an instance at an address of its own.
   */
  public static FakeHttpServer startedAt(InetAddress host) {
    return new FakeHttpServer(host, null).start();
  }

  /**
   * A server whose port is known (held, see {@link #reserve}) but which listens only once {@link
   * #start()}ed.
   */
  public static FakeHttpServer create() {
    return new FakeHttpServer(
        InetAddress.getLoopbackAddress(), reserve(InetAddress.getLoopbackAddress(), 0, true));
  }

  /**
   * An address where nothing listens and nothing else can: a port held, for as long as this JVM
   * runs, by a socket that is bound but does not listen, so every connection to it is refused.
   */
  public static String deadAddr() {
    Socket holder = reserve(InetAddress.getLoopbackAddress(), 0, false);
    DEAD_PORTS.add(holder);
    return "127.0.0.1:" + holder.getLocalPort();
  }

  /** Starts listening (again), on the same port. */
  public synchronized FakeHttpServer start() {
    if (server == null) {
      try {
        // Bound while the reservation still holds the port (both allow address reuse), then the
        // reservation is let go: the port is never free in between.
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen on " + host.getHostAddress() + ":" + port, e);
      }
      port = server.getAddress().getPort();
      server.createContext("/", this::handle);
      server.setExecutor(threads);
      server.start();
      closeQuietly(reservation);
      reservation = null;
    }
    return this;
  }

  /** Stops listening: connections are refused, as by a crashed peer, until {@link #start()}. */
  public synchronized void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
      try {
        reservation = reserve(host, port, true);
      } catch (UncheckedIOException e) {
        // Taken in the moment between: start() will say so.
        LOG.log(Level.WARNING, "Port of stopped " + url() + " could not be held", e);
      }
    }
  }

  public synchronized boolean isListening() {
    return server != null;
  }

  /** Releases every held answer, stops listening and ends the server's threads. */
  @Override
  public void close() {
    closed.countDown();
    released.countDown();
    stop();
    synchronized (this) {
      closeQuietly(reservation);
      reservation = null;
    }
    threads.shutdownNow();
  }

  public synchronized int port() {
    return port;
  }

  /** {@code 127.0.0.1:port} (or its own host), as the protocol's {@code Addr} names an instance. */
  public String addr() {
    return host.getHostAddress() + ":" + port();
  }

  /** {@code http://127.0.0.1:port} (or its own host). */
  public String url() {
    return "http://" + addr();
  }

  /**
   * Answers {@code method} ({@link #ANY}: every method) on exactly {@code path} (no query) from now
   * on.
   */
  public FakeHttpServer on(String method, String path, Answer answer) {
    routes.put(method + " " + path, answer);
    return this;
  }

  /** Answers the requests no {@link #on} route matches (404 until set). */
  public FakeHttpServer otherwise(Answer answer) {
    otherwise = answer;
    return this;
  }

  /** Every request received so far, in order. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** The requests with this method ({@link #ANY}: every method) and exactly this path. */
  public List<RecordedRequest> requests(String method, String path) {
    return requests.stream().filter(r -> matches(r.method(), r.path(), method, path)).toList();
  }

  /** The last request received. */
  public RecordedRequest last() {
    return lastOf(requests(), "any request");
  }

  /** The last request with this method ({@link #ANY}: every method) and exactly this path. */
  public RecordedRequest last(String method, String path) {
    return lastOf(requests(method, path), method + " " + path);
  }

  /** Waits (at most 30 s) until {@code count} such requests arrived; answers them all. */
  public List<RecordedRequest> awaitRequests(String method, String path, int count) {
    return await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(20))
        .until(() -> requests(method, path), received -> received.size() >= count);
  }

  /**
   * Waits (at most 30 s) until a request has sent a body that starts with {@code prefix}, even one
   * whose body is still arriving: a test can see that a peer streams a request instead of
   * collecting it first.
   */
  public void awaitBodyStart(String method, String path, String prefix) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(20))
        .until(
            () ->
                Stream.concat(arriving.stream().map(ArrivingRequest::snapshot), requests.stream())
                    .anyMatch(
                        r ->
                            matches(r.method(), r.path(), method, path)
                                && r.body().startsWith(prefix)));
  }

  /**
   * Lets every answer held by {@link Reply#afterRelease()} or {@link Reply#hang()} go (once for
   * all).
   */
  public void release() {
    released.countDown();
  }

  /**
   * Waits until {@link #release()} or {@link #close()}, at most two minutes: for a {@link
   * Reply.BodyWriter}.
   */
  public void awaitRelease() {
    awaitQuietly(released, HOLD_LIMIT);
  }

  private void handle(HttpExchange exchange) {
    try (exchange) {
      RecordedRequest request = receive(exchange);
      requests.add(request);
      send(exchange, request, reply(request));
    } catch (IOException e) {
      LOG.log(Level.FINE, "Exchange with a client of " + url() + " ended early", e);
    }
  }

  private RecordedRequest receive(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    ArrivingRequest request =
        new ArrivingRequest(
            method,
            exchange.getRequestURI().getRawPath(),
            exchange.getRequestURI().getRawQuery(),
            Map.copyOf(exchange.getRequestHeaders()));
    arriving.add(request);
    try (InputStream body = exchange.getRequestBody()) {
      byte[] buffer = new byte[8192];
      for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
        request.append(buffer, n);
      }
    } finally {
      arriving.remove(request);
    }
    return request.snapshot();
  }

  private Reply reply(RecordedRequest request) {
    Answer answer = routes.get(request.method() + " " + request.path());
    if (answer == null) {
      answer = routes.getOrDefault(ANY + " " + request.path(), otherwise);
    }
    try {
      return answer.answer(request);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Fake answer to " + request.method() + " " + request.path() + " failed",
          e);
      return Reply.text(500, "fake answer failed: " + e);
    }
  }

  private void send(HttpExchange exchange, RecordedRequest request, Reply reply)
      throws IOException {
    awaitQuietly(closed, reply.delay());
    if (reply.held()) {
      awaitRelease();
    }
    reply.writeTo(exchange, request.method());
  }

  private RecordedRequest lastOf(List<RecordedRequest> received, String what) {
    if (received.isEmpty()) {
      throw new AssertionError(url() + " received no " + what);
    }
    return received.get(received.size() - 1);
  }

  private static boolean matches(
      String method, String path, String wantedMethod, String wantedPath) {
    return (wantedMethod.equals(ANY) || wantedMethod.equals(method)) && wantedPath.equals(path);
  }

  private static void awaitQuietly(CountDownLatch latch, Duration limit) {
    if (limit.isZero()) {
      return;
    }
    try {
      latch.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A socket bound to {@code host}:{@code port} (0: one the system picks) that never listens: the
   * system refuses connections to the port, and while this socket is open neither a bind to port 0
   * nor an outgoing connection gets the port (Linux). Without {@code reuse} (SO_REUSEADDR) no
   * socket at all can bind it. With it, this server's own listening socket, which sets it too, can
   * bind the port before the reservation closes, and a stopped server holds its port again at once
   * despite connections in TIME_WAIT; only a socket that binds this very port with SO_REUSEADDR
   * could then take it.
   */
  private static Socket reserve(InetAddress host, int port, boolean reuse) {
    Socket socket = new Socket();
    try {
      socket.setReuseAddress(reuse);
      socket.bind(new InetSocketAddress(host, port));
      return socket;
    } catch (IOException e) {
      closeQuietly(socket);
      throw new UncheckedIOException("cannot hold port " + host.getHostAddress() + ":" + port, e);
    }
  }

  private static void closeQuietly(Socket socket) {
    if (socket == null) {
      return;
    }
    try {
      socket.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "Closing the socket that held a port failed", e);
    }
  }
}
