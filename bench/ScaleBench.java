import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The registry at scale, in one process (run by bench/scale.sh, which starts the registry nodes): serves the fake
 * instances on ADDRESSES loopback addresses 127.1.x.y (one port, a non-blocking HTTP/1.1 responder on one selector
 * thread, keep-alive) that answer GET /heart-beat and the registry's notices with 200 and count what they receive;
 * registers SERVICES_PER_ADDRESS services on each address through the registry nodes (round robin, 16 clients, the
 * admin token); then measures the heart-beats each address receives over a steady window with the registry JVMs'
 * CPU, the detection of 1 % of the addresses closed at once, lookups of a 100-instance service, and each node's
 * memory. Prints one Markdown table. Every wait is bounded.
 *
 * <p>Arguments: the registry base URLs. Environment: ADDRESSES (2000), SERVICES_PER_ADDRESS (5),
 * INSTANCES_PER_SERVICE (100), PERIOD (the registry's heart-beat period in ms, 1000), FAKE_PORT (20920),
 * REGISTRY_PIDS (space-separated PIDs of the registry JVMs, in the URLs' order), WINDOW (steady window, s, 20),
 * IDLE_WINDOW (the registries' CPU before anything is registered, s, 10),
 * WARMUP (registrations and deregistrations of other services before the measured ones, 20000),
 * KILL_PERCENT (1), BENCH_TOKEN (else the build's admin token), LABEL (names the build in the table).
 */
public class ScaleBench {

  static final int ADDRESSES = env("ADDRESSES", 2000);
  static final int PER_ADDRESS = env("SERVICES_PER_ADDRESS", 5);
  static final int PER_SERVICE = env("INSTANCES_PER_SERVICE", 100);
  static final int SERVICES = Math.max(1, ADDRESSES * PER_ADDRESS / PER_SERVICE);
  static final int PERIOD = env("PERIOD", 1000);
  static final int FAKE_PORT = env("FAKE_PORT", 20920);
  static final int WINDOW = env("WINDOW", 20);
  static final int KILL_PERCENT = env("KILL_PERCENT", 1);
  static final int IDLE_WINDOW = env("IDLE_WINDOW", 10);
  static final int CLIENTS = 16;
  static final int WARMUP = env("WARMUP", 20000);
  static final String TOKEN = token();

  static List<String> nodes;
  static final List<String[]> rows = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    System.setProperty("http.maxConnections", String.valueOf(CLIENTS)); // kept alive per node
    nodes = List.of(args);
    long[] pids = Arrays.stream(System.getenv().getOrDefault("REGISTRY_PIDS", "").trim().split("\\s+"))
        .filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
    Fleet fleet = new Fleet(ADDRESSES, FAKE_PORT);
    Thread selector = new Thread(fleet, "fake-fleet");
    selector.setDaemon(true);
    selector.start();
    System.err.printf("fake fleet: %d addresses on port %d%n", ADDRESSES, FAKE_PORT);

    // The registries' own cost with nothing registered: what the steady window's CPU is compared with.
    long[] idle0 = cpuTicks(pids);
    long i0 = System.nanoTime();
    Thread.sleep(IDLE_WINDOW * 1000L);
    double idleCores = cores(idle0, cpuTicks(pids), (System.nanoTime() - i0) / 1e9);
    row("registry CPU with no instance (" + pids.length + " JVMs, " + IDLE_WINDOW + " s)",
        String.format(Locale.ROOT, "%.3f of a core", idleCores));

    int instances = ADDRESSES * PER_ADDRESS;
    // Liberty compiles its request path for tens of seconds after start: registrations and deregistrations of
    // instances of other services first (at the same addresses, so the heart-beats per address do not change).
    if (WARMUP > 0) {
      long w0 = System.nanoTime();
      double[] warm = load(WARMUP, i -> post(nodes.get(i % nodes.size()), "scale-warm" + (i % 10), addr(i / PER_ADDRESS % ADDRESSES)));
      load(WARMUP, i -> delete(nodes.get(i % nodes.size()), "scale-warm" + (i % 10), addr(i / PER_ADDRESS % ADDRESSES)));
      System.err.printf("warm-up: %d registered (%.0f/s) and deregistered in %.0f s%n", WARMUP, warm[0],
          (System.nanoTime() - w0) / 1e9);
    }
    long start = System.nanoTime();
    long[] reg0 = cpuTicks(pids);
    double[] reg = load(instances, i -> post(nodes.get(i % nodes.size()), name(service(i)), addr(i / PER_ADDRESS)));
    double registryCpuSeconds = cores(reg0, cpuTicks(pids), 1);
    row("registration (new instances), " + CLIENTS + " clients over " + nodes.size() + " node(s)",
        String.format(Locale.ROOT, "%.0f/s, p50 %.1f ms, p99 %.1f ms, %d not 200", reg[0], reg[1], reg[2], (long) reg[3]));
    row("CPU per registration", String.format(Locale.ROOT,
        "registries %.0f us (all nodes; heart-beats of those registered included), benchmark client %.0f us",
        registryCpuSeconds * 1e6 / instances, reg[4]));
    double listed = awaitListed(start, instances, Set.of(), 600);
    row("all " + instances + " listed on every node", String.format(Locale.ROOT, "%.1f s after the first registration", listed));

    // Steady state: every address answers; count what arrives and what the registries spend.
    Thread.sleep(2L * PERIOD); // let a round begin on the last registrations before the window opens
    fleet.reset();
    long[] cpu0 = cpuTicks(pids);
    long w0 = System.nanoTime();
    Thread.sleep(WINDOW * 1000L);
    long[] cpu1 = cpuTicks(pids);
    double seconds = (System.nanoTime() - w0) / 1e9;
    long probes = fleet.probes.get();
    double periods = seconds * 1000 / PERIOD;
    row("heart-beats received (" + PERIOD + " ms period, " + WINDOW + " s window)", String.format(Locale.ROOT,
        "%.0f/s = %.2f per address per period; longest gap %.2f periods; %d of %d addresses never probed; busiest 100 ms: %.1fx the mean",
        probes / seconds, probes / (ADDRESSES * periods), fleet.longestGapNanos() / (PERIOD * 1e6),
        fleet.neverProbed(), ADDRESSES, fleet.burstiness()));
    double steadyCores = cores(cpu0, cpu1, seconds);
    double perSecond = Math.max(1, probes / seconds);
    row("registry CPU in steady state (" + pids.length + " JVMs)", String.format(Locale.ROOT,
        "%.3f of a core; per probe: %.1f us everything included, %.1f us above the idle registries",
        steadyCores, steadyCores * 1e6 / perSecond, (steadyCores - idleCores) * 1e6 / perSecond));

    // Lookups while the heart-beats run.
    String looked = name(0);
    double[] look = load(20000, i -> get(nodes.get(i % nodes.size()) + "/services/" + looked));
    row("lookups of a " + PER_SERVICE + "-instance service, " + CLIENTS + " clients", String.format(Locale.ROOT,
        "%.0f/s, p50 %.1f ms, p99 %.1f ms, %d not 200; benchmark client %.0f us CPU per lookup", look[0], look[1],
        look[2], (long) look[3], look[4]));

    // Detection: close KILL_PERCENT % of the addresses at once.
    Set<Integer> killed = new HashSet<>();
    int step = Math.max(1, 100 / Math.max(1, KILL_PERCENT));
    for (int a = 0; a < ADDRESSES; a += step) {
      killed.add(a);
    }
    long k0 = System.nanoTime();
    fleet.close(killed);
    double gone = awaitGone(k0, killed, 60);
    double after = awaitListed(k0, instances - killed.size() * PER_ADDRESS, killed, 30);
    row("detection: " + killed.size() + " addresses (" + killed.size() * PER_ADDRESS + " instances) closed at once",
        String.format(Locale.ROOT, "gone from every node after %.1f s; listed then: %s", gone,
            after >= 0 ? "all " + (instances - killed.size() * PER_ADDRESS) + " live ones" : "FEWER (a live instance evicted?)"));

    for (int i = 0; i < pids.length; i++) {
      row("node " + (i + 1) + " memory after the load", memory(pids[i]));
    }
    System.out.printf("%n| %s: %d addresses x %d services = %d instances, %d services x %d, %d node(s), period %d ms | |%n",
        System.getenv().getOrDefault("LABEL", "workload"), ADDRESSES, PER_ADDRESS, instances, SERVICES, PER_SERVICE,
        nodes.size(), PERIOD);
    System.out.println("| --- | --- |");
    rows.forEach(r -> System.out.println("| " + r[0] + " | " + r[1] + " |"));
    fleet.stop();
  }

  static void row(String what, String figures) {
    rows.add(new String[] {what, figures});
    System.err.println(what + ": " + figures);
  }

  /** Instance i hosts service (i mod SERVICES): the PER_ADDRESS services of an address are distinct. */
  static int service(int instance) {
    return instance % SERVICES;
  }

  static String name(int service) {
    return "scale-s" + service;
  }

  static String addr(int address) {
    return host(address) + ":" + FAKE_PORT;
  }

  static String host(int address) {
    return "127.1." + (address / 250) + "." + (address % 250 + 1);
  }

  /**
   * Seconds from {@code start} until every node lists {@code expected} instances and none of {@code absent}: each
   * node's services polled in turn, a service not again once it has its count (counts only move towards it here).
   */
  static double awaitListed(long start, int expected, Set<Integer> absent, int limitSeconds) throws Exception {
    int[] perService = new int[SERVICES];
    for (int i = 0; i < ADDRESSES * PER_ADDRESS; i++) {
      if (!absent.contains(i / PER_ADDRESS)) {
        perService[service(i)]++;
      }
    }
    if (Arrays.stream(perService).sum() != expected) {
      throw new IllegalArgumentException("expected " + expected + " but the workload lists " + Arrays.stream(perService).sum());
    }
    long deadline = System.nanoTime() + limitSeconds * 1_000_000_000L;
    for (String node : nodes) {
      for (int s = 0; s < SERVICES; s++) {
        int listed;
        while ((listed = count(node, s)) != perService[s]) {
          if (System.nanoTime() > deadline) {
            System.err.println(node + " lists " + listed + " instances of " + name(s) + ", not " + perService[s]);
            return -1;
          }
          Thread.sleep(100);
        }
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  static int count(String node, int service) throws Exception {
    String body = body(node + "/services/" + name(service));
    int total = 0;
    for (int i = body.indexOf("\"Addr\""); i >= 0; i = body.indexOf("\"Addr\"", i + 1)) {
      total++;
    }
    return total;
  }

  /** Seconds from {@code start} until no node lists an instance at a {@code killed} address. */
  static double awaitGone(long start, Set<Integer> killed, int limitSeconds) throws Exception {
    Set<Integer> services = new HashSet<>();
    for (int a : killed) {
      for (int k = 0; k < PER_ADDRESS; k++) {
        services.add(service(a * PER_ADDRESS + k));
      }
    }
    long deadline = System.nanoTime() + limitSeconds * 1_000_000_000L;
    for (String node : nodes) {
      for (int s : services) {
        while (listsAny(body(node + "/services/" + name(s)), killed)) {
          if (System.nanoTime() > deadline) {
            return -1;
          }
          Thread.sleep(20);
        }
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  static boolean listsAny(String body, Set<Integer> killed) {
    for (int a : killed) {
      if (body.contains("\"" + addr(a) + "\"")) {
        return true;
      }
    }
    return false;
  }

  interface Call {
    int run(int i) throws Exception;
  }

  /**
   * Runs {@code count} calls from CLIENTS threads: {per second, p50 ms, p99 ms, not 200, the client threads' CPU per
   * call in us}.
   */
  static double[] load(int count, Call call) throws Exception {
    long[] nanos = new long[count];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicLong clientCpuNanos = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    long t0 = System.nanoTime();
    List<Future<?>> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      clients.add(pool.submit(() -> {
        long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
          long s = System.nanoTime();
          int status = call.run(i);
          nanos[i] = System.nanoTime() - s;
          if (status != 200) {
            failed.incrementAndGet();
          }
        }
        clientCpuNanos.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0);
        return null;
      }));
    }
    for (Future<?> client : clients) {
      client.get(1800, TimeUnit.SECONDS);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    Arrays.sort(nanos);
    return new double[] {count / seconds, nanos[count / 2] / 1e6, nanos[(int) (count * 0.99)] / 1e6, failed.get(),
        clientCpuNanos.get() / 1e3 / count};
  }

  /**
   * One call on a kept-alive connection of the JDK's HttpURLConnection: a fraction of the CPU of its
   * HttpClient, which would take a large share of these two cores from the registries it measures.
   */
  static int post(String node, String name, String addr) throws Exception {
    return send("POST", node, name, addr);
  }

  static int send(String method, String node, String name, String addr) throws Exception {
    String json = "{\"Name\":\"" + name + "\",\"Addr\":\"" + addr + "\",\"RequiredServices\":[]}";
    HttpURLConnection c = open(node + "/services", 30);
    c.setRequestMethod(method);
    c.setDoOutput(true);
    c.setRequestProperty("Content-Type", "application/json");
    if (TOKEN != null) {
      c.setRequestProperty("Authorization", "Bearer " + TOKEN);
    }
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    c.setFixedLengthStreamingMode(bytes.length);
    try (OutputStream out = c.getOutputStream()) {
      out.write(bytes);
    }
    int status = finish(c);
    if (status == 401 || status == 403) {
      throw new IllegalStateException(method + " /services answered " + status + ": set BENCH_TOKEN to an admin token");
    }
    return status;
  }

  static int delete(String node, String name, String addr) throws Exception {
    return send("DELETE", node, name, addr);
  }

  static int get(String url) throws Exception {
    return finish(open(url, 10));
  }

  static String body(String url) throws Exception {
    HttpURLConnection c = open(url, 10);
    try (InputStream in = c.getResponseCode() < 400 ? c.getInputStream() : c.getErrorStream()) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static HttpURLConnection open(String url, int timeoutSeconds) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
    c.setConnectTimeout(5000);
    c.setReadTimeout(timeoutSeconds * 1000);
    return c;
  }

  /** The status, with the body read to its end so that the connection is kept alive for the next call. */
  static int finish(HttpURLConnection c) throws IOException {
    int status = c.getResponseCode();
    try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
      if (in != null) {
        in.transferTo(OutputStream.nullOutputStream());
      }
    }
    return status;
  }

  /** Cores used by all the processes between two readings {@code seconds} apart. */
  static double cores(long[] from, long[] to, double seconds) {
    double cpuSeconds = 0;
    for (int i = 0; i < from.length; i++) {
      cpuSeconds += (to[i] - from[i]) / 100.0; // USER_HZ
    }
    return cpuSeconds / seconds;
  }

  /** utime + stime of each process, in clock ticks. */
  static long[] cpuTicks(long[] pids) throws IOException {
    long[] ticks = new long[pids.length];
    for (int i = 0; i < pids.length; i++) {
      String stat = Files.readString(Path.of("/proc/" + pids[i] + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      ticks[i] = Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
    return ticks;
  }

  /** RSS, and the heap in use after a full collection (jcmd). */
  static String memory(long pid) throws Exception {
    String rss = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
        .filter(l -> l.startsWith("VmRSS:")).map(l -> l.substring(6).trim()).findFirst().orElse("?");
    jcmd(pid, "GC.run");
    // The heap's regions (Serial: "def new generation", "tenured generation"; G1: "garbage-first heap").
    long usedKb = 0;
    for (String line : jcmd(pid, "GC.heap_info").lines().toList()) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(generation|heap) +total \\d+K, used (\\d+)K").matcher(line);
      if (m.find()) {
        usedKb += Long.parseLong(m.group(2));
      }
    }
    return String.format(Locale.ROOT, "RSS %s; heap used after a full GC %d MB", rss, usedKb / 1024);
  }

  static String jcmd(long pid, String command) throws Exception {
    Process p = new ProcessBuilder("jcmd", String.valueOf(pid), command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    return out;
  }

  static String token() {
    String fromEnvironment = System.getenv("BENCH_TOKEN");
    if (fromEnvironment != null) {
      return fromEnvironment;
    }
    Path file = Path.of("target/liberty/wlp/usr/shared/resources/servicegrid-auth/admin.jwt");
    try {
      return Files.isReadable(file) ? Files.readString(file).strip() : null;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static int env(String name, int fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }

  /**
   * The fake instances: one listening socket per address, one selector thread for all of them and their kept-alive
   * connections. Answers every request 200 (an empty body); counts heart-beats per address with their times.
   */
  static final class Fleet implements Runnable {
    static final byte[] OK = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    final Selector selector;
    final ServerSocketChannel[] listeners;
    final AtomicLong probes = new AtomicLong();
    final AtomicLongArray lastProbe;
    final AtomicLongArray longestGap;
    final AtomicIntegerArray count;
    final long[] buckets = new long[10_000]; // probes per 100 ms, since the last reset
    volatile long resetAt = System.nanoTime();
    final ConcurrentLinkedQueue<Set<Integer>> closing = new ConcurrentLinkedQueue<>();
    final List<List<SocketChannel>> accepted = new ArrayList<>();
    volatile boolean running = true;
    final CountDownLatch closed = new CountDownLatch(1);

    Fleet(int addresses, int port) throws IOException {
      selector = Selector.open();
      listeners = new ServerSocketChannel[addresses];
      lastProbe = new AtomicLongArray(addresses);
      longestGap = new AtomicLongArray(addresses);
      count = new AtomicIntegerArray(addresses);
      for (int a = 0; a < addresses; a++) {
        ServerSocketChannel server = ServerSocketChannel.open();
        server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        server.bind(new InetSocketAddress(host(a), port), 1024);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT, a);
        listeners[a] = server;
        accepted.add(new ArrayList<>());
      }
    }

    void reset() {
      long now = System.nanoTime();
      for (int a = 0; a < listeners.length; a++) {
        lastProbe.set(a, now);
        longestGap.set(a, 0);
        count.set(a, 0);
      }
      synchronized (buckets) {
        Arrays.fill(buckets, 0);
        resetAt = now;
      }
      probes.set(0);
    }

    long longestGapNanos() {
      long now = System.nanoTime();
      long longest = 0;
      for (int a = 0; a < listeners.length; a++) {
        if (listeners[a].isOpen()) {
          longest = Math.max(longest, Math.max(longestGap.get(a), now - lastProbe.get(a)));
        }
      }
      return longest;
    }

    int neverProbed() {
      int never = 0;
      for (int a = 0; a < listeners.length; a++) {
        never += count.get(a) == 0 ? 1 : 0;
      }
      return never;
    }

    /** The busiest 100 ms of the window against the mean 100 ms. */
    double burstiness() {
      synchronized (buckets) {
        int used = (int) Math.min(buckets.length, (System.nanoTime() - resetAt) / 100_000_000L);
        long max = 0, sum = 0;
        for (int i = 0; i < used; i++) {
          max = Math.max(max, buckets[i]);
          sum += buckets[i];
        }
        return used == 0 || sum == 0 ? 0 : max / ((double) sum / used);
      }
    }

    void close(Set<Integer> addresses) throws InterruptedException {
      closing.add(addresses);
      selector.wakeup();
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!closing.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
    }

    void stop() throws InterruptedException {
      running = false;
      selector.wakeup();
      closed.await(10, TimeUnit.SECONDS);
    }

    @Override
    public void run() {
      try {
        while (running) {
          selector.select(100);
          Set<Integer> toClose = closing.peek();
          if (toClose != null) {
            for (int a : toClose) {
              listeners[a].close();
              for (SocketChannel c : accepted.get(a)) {
                c.close();
              }
              accepted.get(a).clear();
            }
            closing.poll();
          }
          for (SelectionKey key : selector.selectedKeys()) {
            try {
              if (!key.isValid()) {
                continue;
              }
              if (key.isAcceptable()) {
                int a = (Integer) key.attachment();
                SocketChannel c;
                while ((c = ((ServerSocketChannel) key.channel()).accept()) != null) {
                  c.configureBlocking(false);
                  c.setOption(StandardSocketOptions.TCP_NODELAY, true);
                  c.register(selector, SelectionKey.OP_READ, new Connection(a));
                  accepted.get(a).add(c);
                }
              } else if (key.isReadable()) {
                read(key);
              }
            } catch (IOException e) {
              key.cancel();
              key.channel().close();
            }
          }
          selector.selectedKeys().clear();
        }
        for (ServerSocketChannel l : listeners) {
          l.close();
        }
        for (List<SocketChannel> cs : accepted) {
          for (SocketChannel c : cs) {
            c.close();
          }
        }
        selector.close();
      } catch (IOException e) {
        e.printStackTrace();
      } finally {
        closed.countDown();
      }
    }

    private void read(SelectionKey key) throws IOException {
      SocketChannel channel = (SocketChannel) key.channel();
      Connection c = (Connection) key.attachment();
      int n = channel.read(c.in);
      if (n < 0) {
        accepted.get(c.address).remove(channel);
        key.cancel();
        channel.close();
        return;
      }
      // Answer every complete request in the buffer (pipelined or not).
      while (true) {
        c.in.flip();
        int end = headerEnd(c.in);
        if (end < 0) {
          c.in.compact();
          if (!c.in.hasRemaining()) {
            throw new IOException("request head too long");
          }
          return;
        }
        String head = StandardCharsets.US_ASCII.decode(c.in.slice(c.in.position(), end - c.in.position())).toString();
        int length = contentLength(head);
        if (c.in.limit() - end < length) { // the body is not all here yet
          c.in.compact();
          if (c.in.capacity() - c.in.position() < length) {
            ByteBuffer bigger = ByteBuffer.allocate(c.in.capacity() + length);
            c.in.flip();
            bigger.put(c.in);
            c.in = bigger;
          }
          return;
        }
        c.in.position(end + length);
        c.in.compact();
        if (head.startsWith("GET /heart-beat")) {
          probed(c.address);
        }
        ByteBuffer out = ByteBuffer.wrap(OK);
        while (out.hasRemaining()) { // 38 bytes: fits in the socket's send buffer
          channel.write(out);
        }
        if (head.toLowerCase(Locale.ROOT).contains("\nconnection: close")) {
          accepted.get(c.address).remove(channel);
          key.cancel();
          channel.close();
          return;
        }
      }
    }

    private void probed(int a) {
      long now = System.nanoTime();
      long last = lastProbe.getAndSet(a, now);
      if (now - last > longestGap.get(a)) {
        longestGap.set(a, now - last);
      }
      count.incrementAndGet(a);
      probes.incrementAndGet();
      int bucket = (int) ((now - resetAt) / 100_000_000L);
      if (bucket >= 0 && bucket < buckets.length) {
        synchronized (buckets) {
          buckets[bucket]++;
        }
      }
    }

    /** The index just past "\r\n\r\n" in the readable bytes, or -1. */
    private static int headerEnd(ByteBuffer b) {
      for (int i = b.position(); i + 3 < b.limit(); i++) {
        if (b.get(i) == '\r' && b.get(i + 1) == '\n' && b.get(i + 2) == '\r' && b.get(i + 3) == '\n') {
          return i + 4;
        }
      }
      return -1;
    }

    private static int contentLength(String head) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
          return Integer.parseInt(line.substring(colon + 1).trim());
        }
      }
      return 0;
    }

    static final class Connection {
      final int address;
      ByteBuffer in = ByteBuffer.allocate(4096);

      Connection(int address) {
        this.address = address;
      }
    }
  }
}
