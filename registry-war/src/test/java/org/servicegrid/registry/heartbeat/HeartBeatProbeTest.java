package org.servicegrid.registry.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicegrid.protocol.Transport;
import org.servicegrid.registry.table.Registration;
import org.servicegrid.registry.table.UnmanagedTable;

/**
 * The prober against real HTTP peers (JDK {@link HttpServer}s on loopback): one kept-alive
 * connection per address from round to round, the read timeout, answers other than 200, the
 * unsampled traceparent, and, through the checker, a hung address that holds neither a thread nor
 * the other addresses' probes.
 */
class HeartBeatProbeTest {

  private final HeartBeatSettings settings =
      new HeartBeatSettings(
          Duration.ofSeconds(1),
          3,
          Duration.ofMillis(200),
          Duration.ofMillis(500),
          Duration.ofMillis(500),
          2,
          Transport.http());
  private final ExecutorService workers = Executors.newFixedThreadPool(2);
  private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
  private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final Set<InetSocketAddress> connections = ConcurrentHashMap.newKeySet();
  private final List<String> traceparents = new CopyOnWriteArrayList<>();
  private final List<HeartBeatProbe> probes = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    release.countDown();
    probes.forEach(HeartBeatProbe::stop);
    servers.forEach(s -> s.stop(0));
    workers.shutdownNow();
    retries.shutdownNow();
  }

  @Test
  void reusesOneKeptAliveConnectionForEveryProbeOfAnAddress() throws Exception {
    String address = peer(200, false);
    HeartBeatProbe probe = probe(false);

    for (int round = 0; round < 5; round++) {
      probe.beat(address).get(10, TimeUnit.SECONDS);
    }

    assertThat(connections).as("connections the peer accepted").hasSize(1);
  }

  @Test
  void readsAChunkedAnswerAndKeepsItsConnection() throws Exception {
    HttpServer server = server();
    server.createContext(
        "/heart-beat",
        exchange -> {
          connections.add(exchange.getRemoteAddress());
          exchange.sendResponseHeaders(200, 0); // length 0: chunked
          exchange.getResponseBody().write("{\"status\":\"UP\"}".getBytes());
          exchange.close();
        });
    String address = "127.0.0.1:" + server.getAddress().getPort();
    HeartBeatProbe probe = probe(false);

    for (int round = 0; round < 3; round++) {
      probe.beat(address).get(10, TimeUnit.SECONDS);
    }

    assertThat(connections).hasSize(1);
  }

  @Test
  void aKeptConnectionThatThePeerClosedIsReplacedWithinTheProbe() throws Exception {
    // Answers one request per connection, then closes it without saying so.
    try (ServerSocket peer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread answering =
          daemon(
              () -> {
                for (int i = 0; i < 3; i++) {
                  try (Socket socket = peer.accept()) {
                    socket.getInputStream().read(new byte[4096]);
                    socket
                        .getOutputStream()
                        .write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes());
                  } catch (IOException e) {
                    return;
                  }
                }
              });
      answering.start();
      String address = "127.0.0.1:" + peer.getLocalPort();
      HeartBeatProbe probe = probe(false);

      for (int round = 0; round < 3; round++) {
        probe.beat(address).get(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aPeerThatDoesNotAnswerWithinTheReadTimeoutFails() {
    String address = peer(200, true);
    HeartBeatProbe probe = probe(false);

    assertThatThrownBy(() -> probe.beat(address).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(SocketTimeoutException.class);
  }

  @Test
  void anAnswerOtherThan200Fails() {
    String address = peer(503, false);
    HeartBeatProbe probe = probe(false);

    assertThatThrownBy(() -> probe.beat(address).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasRootCauseInstanceOf(IOException.class)
        .hasMessageContaining("HTTP 503");
  }

  @Test
  void sendsAnUnsampledTraceparentWhileTracing() throws Exception {
    String address = peer(200, false);

    probe(true).beat(address).get(10, TimeUnit.SECONDS);
    probe(false).beat(address).get(10, TimeUnit.SECONDS);

    assertThat(traceparents).hasSize(1);
    assertThat(traceparents.get(0)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00");
  }

  @Test
  void aHungAddressEvictsItsInstancesWhileTheOthersAnswerOnTime() {
    UnmanagedTable table = new UnmanagedTable(Clock.systemUTC());
    String hung = peer(200, true);
    List<Registration> hungInstances =
        List.of(table.register("log", hung), table.register("visit", hung));
    List<Registration> answering =
        List.of(
            table.register("log", peer(200, false)),
            table.register("log", peer(200, false)),
            table.register("log", peer(200, false)));
    // Two probes in flight at most: the hung address holds one of them through all its attempts.
    HeartBeatChecker checker =
        new HeartBeatChecker(
            settings,
            probe(false),
            table.table(),
            workers,
            (task, delay) -> retries.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS),
            Clock.systemUTC(),
            () -> {},
            EvictionTrace.OFF);

    checker.checkAll(List.of(hungInstances.get(0), hungInstances.get(1), answering.get(0)));
    checker.checkAll(answering.subList(1, 3));

    await()
        .atMost(Duration.ofSeconds(2))
        .until(() -> answering.stream().allMatch(r -> r.lastHeartBeat() != null));
    assertThat(hungInstances).allMatch(r -> r.lastHeartBeat() == null);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(table.evicted())
                    .containsExactlyInAnyOrder(
                        hungInstances.get(0).info(), hungInstances.get(1).info()));
  }

  private HeartBeatProbe probe(boolean untraced) {
    try {
      HeartBeatProbe probe =
          new HeartBeatProbe(settings, untraced, workers, HeartBeatProbeTest::daemon);
      probes.add(probe);
      return probe;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private HttpServer server() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool(HeartBeatProbeTest::daemon));
    server.start();
    servers.add(server);
    return server;
  }

  /** A peer answering GET /heart-beat with {@code status}, or never ({@code hang}). */
  private String peer(int status, boolean hang) {
    try {
      HttpServer server = server();
      server.createContext(
          "/heart-beat",
          exchange -> {
            connections.add(exchange.getRemoteAddress());
            String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
            if (traceparent != null) {
              traceparents.add(traceparent);
            }
            if (hang) {
              awaitQuietly(release);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
          });
      return "127.0.0.1:" + server.getAddress().getPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task);
    thread.setDaemon(true);
    return thread;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
