package org.servicegrid.registry.heartbeat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Heart-beat probes over plain HTTP/1.1 on one selector thread: {@code GET /heart-beat} on a
 * connection per address kept alive from round to round, so that a probe in flight holds no thread
 * and a round of thousands of addresses costs one thread and no handshakes. A probe fails when the
 * connection is not made within the connect timeout or the answer has not fully arrived within the
 * read timeout after the request was sent. A kept connection that the instance closed meanwhile is
 * replaced once, within the same probe (as HTTP clients retry an idempotent request on a stale
 * connection).
 *
 * <p>The JDK's {@code HttpClient} and Apache HttpClient 5 async were measured on this path and cost
 * 15 and 2.5 times as much CPU per probe (decision 0012). {@link #run()} is the selector loop, run
 * on a thread of the container's; {@link #beat} may be called from any thread.
 */
final class HttpProber implements Runnable {

  private static final Logger LOG = Logger.getLogger(HttpProber.class.getName());

  /** How often, at most, deadlines are checked: the timeouts' precision. */
  private static final long TICK_MILLIS = 10;

  private final long connectNanos;
  private final long readNanos;
  private final Supplier<String> traceParent;
  private final Selector selector;
  private final Map<String, ProbeConnection> connections = new ConcurrentHashMap<>();
  private final Queue<Start> starting = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean wakeupPending = new AtomicBoolean();
  private final Set<ProbeConnection> inFlight = new HashSet<>();
  private final ByteBuffer scratch = ByteBuffer.allocateDirect(16384);
  private volatile boolean running = true;
  private volatile Thread loopThread;

  private record Start(ProbeConnection connection, CompletableFuture<Void> answer) {}

  /**
   * @param traceParent the {@code traceparent} of each probe, or null to send none
   */
  HttpProber(Duration connectTimeout, Duration readTimeout, Supplier<String> traceParent)
      throws IOException {
    this.connectNanos = connectTimeout.toNanos();
    this.readNanos = readTimeout.toNanos();
    this.traceParent = traceParent;
    this.selector = Selector.open();
  }

  /** Probes {@code address} ({@code host:port}); one probe per address at a time. */
  CompletableFuture<Void> beat(String address) {
    CompletableFuture<Void> answer = new CompletableFuture<>();
    ProbeConnection connection = connections.get(address);
    if (connection == null) {
      try {
        URI uri = URI.create("http://" + address);
        connection =
            new ProbeConnection(address, new InetSocketAddress(uri.getHost(), uri.getPort()));
      } catch (IllegalArgumentException e) {
        return CompletableFuture.failedFuture(e);
      }
    }
    starting.add(new Start(connection, answer));
    // The loop takes new probes after each select: from its own thread it needs no wake-up.
    if (Thread.currentThread() != loopThread && wakeupPending.compareAndSet(false, true)) {
      selector.wakeup();
    }
    return answer;
  }

  void stop() {
    running = false;
    selector.wakeup();
  }

  @Override
  public void run() {
    loopThread = Thread.currentThread();
    long nextTick = System.nanoTime();
    try {
      while (running) {
        try {
          selector.select(TICK_MILLIS);
          wakeupPending.set(false);
          for (Start s = starting.poll(); s != null; s = starting.poll()) {
            start(s.connection(), s.answer());
          }
          for (SelectionKey key : selector.selectedKeys()) {
            ready(key, (ProbeConnection) key.attachment());
          }
          selector.selectedKeys().clear();
          long now = System.nanoTime();
          if (now - nextTick >= 0) {
            nextTick = now + TICK_MILLIS * 1_000_000;
            expire(now);
          }
        } catch (IOException | RuntimeException e) { // the loop must go on: probes wait on it
          LOG.log(Level.WARNING, "Heart-beat prober's loop failed", e);
        }
      }
    } finally {
      close();
    }
  }

  private void start(ProbeConnection c, CompletableFuture<Void> answer) {
    c.answer = answer;
    if (traceParent == null && c.request != null) {
      c.request.rewind(); // the same request every period: made once per connection
    } else {
      c.request = request(c.address);
    }
    c.expectAnswer();
    inFlight.add(c);
    try {
      if (c.channel != null && c.channel.isOpen()) {
        c.reused = true;
        send(c);
      } else {
        connect(c);
      }
    } catch (IOException | RuntimeException e) {
      fail(c, e);
    }
  }

  private void connect(ProbeConnection c) throws IOException {
    c.reused = false;
    c.channel = SocketChannel.open();
    c.channel.configureBlocking(false);
    c.deadline = System.nanoTime() + connectNanos;
    if (c.channel.connect(c.target)) {
      c.key = c.channel.register(selector, SelectionKey.OP_READ, c);
      send(c);
    } else {
      c.key = c.channel.register(selector, SelectionKey.OP_CONNECT, c);
    }
    connections.put(c.address, c);
  }

  /** Writes the request (a few hundred bytes: the socket's send buffer takes it at once). */
  private void send(ProbeConnection c) throws IOException {
    c.channel.write(c.request);
    if (c.request.hasRemaining()) {
      throw new IOException("heart-beat request not sent whole");
    }
    c.deadline = System.nanoTime() + readNanos;
    c.key.interestOps(SelectionKey.OP_READ);
  }

  private void ready(SelectionKey key, ProbeConnection c) {
    if (key != c.key) {
      return; // a key of a channel this connection closed earlier in this round of the loop
    }
    try {
      if (key.isConnectable()) {
        c.channel.finishConnect();
        send(c);
        return;
      }
      scratch.clear();
      int read = c.channel.read(scratch);
      scratch.flip();
      if (c.answer == null || !inFlight.contains(c)) { // idle: the instance closed it, or spoke
        forget(c);
        return;
      }
      if (read < 0) {
        ended(c);
      } else if (c.consume(scratch)) {
        answered(c);
      }
    } catch (IOException | RuntimeException e) {
      if (!retriedOnStale(c)) {
        fail(c, e);
      }
    }
  }

  private void ended(ProbeConnection c) throws IOException {
    if (c.endsAnswer()) {
      answered(c);
    } else if (!retriedOnStale(c)) {
      fail(c, new ConnectException("heart-beat connection closed before the answer"));
    }
  }

  /** A kept connection that fails before any answer was stale: the probe goes on a new one. */
  private boolean retriedOnStale(ProbeConnection c) {
    if (!c.reused || c.answering || !inFlight.contains(c)) {
      return false;
    }
    closeChannel(c);
    try {
      c.request.rewind();
      connect(c);
      return true;
    } catch (IOException | RuntimeException e) {
      fail(c, e);
      return true;
    }
  }

  private void answered(ProbeConnection c) {
    inFlight.remove(c);
    CompletableFuture<Void> answer = c.answer;
    c.answer = null;
    if (c.closeAfter()) {
      forget(c);
    }
    if (c.status() == 200) {
      answer.complete(null);
    } else {
      answer.completeExceptionally(
          new IOException("heart-beat answered HTTP " + c.status() + " from " + c.address));
    }
  }

  private void fail(ProbeConnection c, Exception e) {
    inFlight.remove(c);
    forget(c);
    CompletableFuture<Void> answer = c.answer;
    c.answer = null;
    if (answer != null) {
      answer.completeExceptionally(e);
    }
  }

  private void expire(long now) {
    List<ProbeConnection> late = new ArrayList<>();
    for (ProbeConnection c : inFlight) {
      if (now - c.deadline > 0) {
        late.add(c);
      }
    }
    for (ProbeConnection c : late) {
      boolean connecting =
          c.key != null && c.key.isValid() && c.key.interestOps() == SelectionKey.OP_CONNECT;
      fail(
          c,
          new SocketTimeoutException(
              (connecting ? "connect" : "read") + " timed out: heart-beat of " + c.address));
    }
  }

  private void forget(ProbeConnection c) {
    connections.remove(c.address, c);
    closeChannel(c);
  }

  private static void closeChannel(ProbeConnection c) {
    if (c.channel != null) {
      try {
        c.channel.close(); // also cancels its key
      } catch (IOException e) {
        // closing: nothing left to do
      }
      c.channel = null;
      c.key = null;
    }
  }

  private void close() {
    connections.values().forEach(HttpProber::closeChannel);
    inFlight.forEach(c -> c.answer.completeExceptionally(new IOException("prober stopped")));
    for (Start s = starting.poll(); s != null; s = starting.poll()) {
      s.answer().completeExceptionally(new IOException("prober stopped"));
    }
    try {
      selector.close();
    } catch (IOException e) {
      // stopping
    }
  }

  private ByteBuffer request(String address) {
    StringBuilder head =
        new StringBuilder(160)
            .append("GET /heart-beat HTTP/1.1\r\nHost: ")
            .append(address)
            .append("\r\nUser-Agent: servicegrid-registry\r\n");
    String parent = traceParent == null ? null : traceParent.get();
    if (parent != null) {
      head.append("traceparent: ").append(parent).append("\r\n");
    }
    return ByteBuffer.wrap(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
  }
}
