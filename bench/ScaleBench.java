import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.concurrent.atomic.AtomicBoolean;
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
 * CPU (and its threads'), the detection of 1 % of the addresses closed at once, lookups of a 100-instance service,
 * and each node's memory. Before the registrations, a bare selector loop in a JVM of its own probes one node's share
 * of the fleet: the platform's floor of a probe. Prints one Markdown table. Every wait is bounded.
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
  static final int SETTLE = env("SETTLE", 30);
  static final int KILL_PERCENT = env("KILL_PERCENT", 1);
  static final int IDLE_WINDOW = env("IDLE_WINDOW", 10);
  static final int CLIENTS = 16;
  static final int WARMUP = env("WARMUP", 20000);
  /**
   * Addresses per fleet process: each holds a listening socket and a kept-alive connection per address, and a
   * process may not open more files than `ulimit -n` (often 20 000, which an unprivileged user cannot raise).
   */
  static final int FLEET_PART = env("FLEET_PART", 8000);
  static final String TOKEN = token();

  static List<String> nodes;
  static final List<String[]> rows = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    System.setProperty("http.maxConnections", String.valueOf(CLIENTS)); // kept alive per node
    nodes = List.of(args);
    long[] pids = Arrays.stream(System.getenv().getOrDefault("REGISTRY_PIDS", "").trim().split("\\s+"))
        .filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
    if (args.length == 3 && args[0].equals("--fleet-part")) {
      Fleet.serve(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
      return;
    }
    if (args.length == 2 && args[0].equals("--bare-prober")) {
      BareProber.serve(Integer.parseInt(args[1]));
      return;
    }
    Fleets fleet = Fleets.start(ADDRESSES, FLEET_PART);
    System.err.printf("fake fleet: %d addresses on port %d, %d process(es)%n", ADDRESSES, FAKE_PORT, fleet.parts.size());

    // The registries' own cost with nothing registered: what the steady window's CPU is compared with.
    long[] idle0 = cpuTicks(pids);
    long i0 = System.nanoTime();
    Thread.sleep(IDLE_WINDOW * 1000L);
    double idleCores = cores(idle0, cpuTicks(pids), (System.nanoTime() - i0) / 1e9);
    row("registry CPU with no instance (" + pids.length + " JVMs, " + IDLE_WINDOW + " s)",
        String.format(Locale.ROOT, "%.3f of a core", idleCores));

    // The platform's floor of a probe, on the idle nodes' fleet before anything is registered: its row follows the
    // registries' steady CPU. Its connections are closed (and the fleet's side of them) before the registrations.
    int floorAddresses = Math.min(FLEET_PART, (ADDRESSES + nodes.size() - 1) / nodes.size());
    BareProber.Figures bare = BareProber.measure(floorAddresses, Math.min(WINDOW, 20));
    fleet.awaitNoConnections(30);

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
    ThreadCpu regThreads0 = ThreadCpu.read(pids);
    double[] reg = load(instances, i -> post(nodes.get(i % nodes.size()), name(service(i)), addr(i / PER_ADDRESS)));
    double registryCpuSeconds = cores(reg0, cpuTicks(pids), 1);
    String regThreads = ThreadCpu.read(pids).since(regThreads0, instances, "registration");
    row("registration (new instances), " + CLIENTS + " clients over " + nodes.size() + " node(s)",
        String.format(Locale.ROOT, "%.0f/s, p50 %.1f ms, p99 %.1f ms, %d not 200", reg[0], reg[1], reg[2], (long) reg[3]));
    row("CPU per registration", String.format(Locale.ROOT,
        "registries %.0f us (all nodes; heart-beats of those registered included), benchmark client %.0f us",
        registryCpuSeconds * 1e6 / instances, reg[4]));
    double listed = awaitListed(start, instances, Set.of(), 600);
    row("all " + instances + " listed on every node", String.format(Locale.ROOT, "%.1f s after the first registration", listed));
    int floorWrites = Math.min(instances, 20000);
    long[] floor0 = cpuTicks(pids);
    ThreadCpu floorThreads0 = ThreadCpu.read(pids);
    double[] floor = load(floorWrites, i -> unknownInstanceStatus(nodes.get(i % nodes.size()), i));
    double floorCpuSeconds = cores(floor0, cpuTicks(pids), 1);
    String floorThreads = ThreadCpu.read(pids).since(floorThreads0, floorWrites, "write");
    row("floor: an authenticated write without a cluster write (PUT status of an unknown instance, 404), same clients",
        String.format(Locale.ROOT, "%.0f/s, p50 %.1f ms, p99 %.1f ms; registration %.2f x this; registries %.0f us of CPU each",
            floor[0], floor[1], floor[2], reg[0] / floor[0], floorCpuSeconds * 1e6 / floorWrites));
    // Where a registration's CPU goes against the floor's (heart-beats of the instances registered so far included).
    row("registries' CPU while registering, by thread: share, us per registration", regThreads);
    row("registries' CPU during the floor's writes, by thread: share, us per write", floorThreads);

    // Steady state: every address answers; count what arrives and what the registries spend.
    // Let the rounds cover the last registrations and the JIT finish compiling the heart-beat path (it compiles for
    // tens of seconds once every address is probed): the window measures the steady state, not the start of it.
    Thread.sleep(Math.max(2L * PERIOD, SETTLE * 1000L));
    fleet.reset();
    ThreadCpu threads0 = ThreadCpu.read(pids);
    long[] cpu0 = cpuTicks(pids);
    long w0 = System.nanoTime();
    Thread.sleep(WINDOW * 1000L);
    long[] cpu1 = cpuTicks(pids);
    ThreadCpu threads1 = ThreadCpu.read(pids);
    double seconds = (System.nanoTime() - w0) / 1e9;
    long[] stats = fleet.stats();
    long probes = stats[0];
    double periods = seconds * 1000 / PERIOD;
    row("heart-beats received (" + PERIOD + " ms period, " + WINDOW + " s window)", String.format(Locale.ROOT,
        "%.0f/s = %.2f per address per period; longest gap %.2f periods; %d of %d addresses never probed; busiest 100 ms: %.1fx the mean",
        probes / seconds, probes / (ADDRESSES * periods), stats[1] / (PERIOD * 1e6),
        stats[2], ADDRESSES, Fleets.burstiness(stats)));
    double steadyCores = cores(cpu0, cpu1, seconds);
    double perSecond = Math.max(1, probes / seconds);
    row("registry CPU in steady state (" + pids.length + " JVMs)", String.format(Locale.ROOT,
        "%.3f of a core; per probe: %.1f us everything included, %.1f us above the idle registries",
        steadyCores, steadyCores * 1e6 / perSecond, (steadyCores - idleCores) * 1e6 / perSecond));
    row("registry CPU in steady state by thread (" + pids.length + " JVMs, /proc/<pid>/task): share, us per probe",
        threads1.since(threads0, probes, "probe"));
    row(String.format(Locale.ROOT,
        "floor: a bare selector loop probing %d addresses of the same fleet, kept-alive, once per address per period (own JVM, %d s)",
        floorAddresses, bare.seconds() < 1 ? 0 : Math.round(bare.seconds())), bare.describe(threads1.proberMicros(threads0, probes)));

    // Lookups while the heart-beats run.
    String looked = name(0);
    double[] look = load(20000, i -> get(nodes.get(i % nodes.size()) + "/services/" + looked));
    row("lookups of a " + PER_SERVICE + "-instance service, " + CLIENTS + " clients", String.format(Locale.ROOT,
        "%.0f/s, p50 %.1f ms, p99 %.1f ms, %d not 200; benchmark client %.0f us CPU per lookup", look[0], look[1],
        look[2], (long) look[3], look[4]));
    double[] empty = load(20000, i -> get(nodes.get(i % nodes.size()) + "/services/scale-none"));
    row("floor: lookups of a service with no instance, same clients", String.format(Locale.ROOT,
        "%.0f/s, p50 %.1f ms, p99 %.1f ms, %d not 200; the 100-instance lookups %.2f x this", empty[0], empty[1],
        empty[2], (long) empty[3], look[0] / empty[0]));

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
    if (Failover.enabled()) {
      new Failover(fleet, pids, killed, instances - killed.size() * PER_ADDRESS).run();
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
    return send(method, node + "/services", json);
  }

  /**
   * The floor of a registration on these nodes: a write with the same token, checked the same way, whose answer
   * needs no cluster write (the status of an instance nobody registered: 404).
   */
  static int unknownInstanceStatus(String node, int i) throws Exception {
    int status = send("PUT", node + "/services/scale-floor/" + addr(i % ADDRESSES) + "/status", "{\"Status\":\"UP\"}");
    return status == 404 ? 200 : status;
  }

  static int send(String method, String url, String json) throws Exception {
    HttpURLConnection c = open(url, 30);
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
      throw new IllegalStateException(method + " " + url + " answered " + status + ": set BENCH_TOKEN to an admin token");
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
      long[] t = ticks(Files.readString(Path.of("/proc/" + pids[i] + "/stat")));
      ticks[i] = t[0] + t[1];
    }
    return ticks;
  }

  /** {utime, stime} in clock ticks from the text of a /proc stat file (a process's or a thread's). */
  static long[] ticks(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
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
   * A JVM of this same program started with {@code args} (a fleet part, the bare prober), spoken to over its stdin
   * and stdout: it says "ready" once, then answers each command with one line. Its standard error is this one's.
   */
  record Child(String what, Process process, java.io.BufferedReader out, java.io.PrintStream in) {
    static Child start(String what, String... args) throws IOException {
      List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
          "-Xmx256m", "-XX:+UseSerialGC", "bench/ScaleBench.java"));
      command.addAll(List.of(args));
      Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      return new Child(what, process,
          new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)),
          new java.io.PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8));
    }

    void awaitReady() throws IOException {
      String first = out.readLine();
      if (!"ready".equals(first)) {
        throw new IOException(what + " did not start: " + first);
      }
    }

    /** Sends one command and returns its one-line answer. */
    String command(String line) throws IOException {
      synchronized (in) {
        in.println(line);
        String answer = out.readLine();
        if (answer == null) {
          throw new IOException(what + " ended");
        }
        return answer;
      }
    }
  }

  /**
   * The whole fake fleet: parts of at most {@code FLEET_PART} addresses, each in a process of its own (the same
   * program with --fleet-part) that answers commands on its stdin, or in this process when one part is enough.
   */
  static final class Fleets {
    interface Part {
      String command(String line) throws Exception;
    }

    final List<Part> parts = new ArrayList<>();

    static Fleets start(int addresses, int perPart) throws Exception {
      Fleets fleets = new Fleets();
      if (addresses <= perPart) {
        Fleet fleet = new Fleet(0, addresses, FAKE_PORT);
        Thread selector = new Thread(fleet, "fake-fleet");
        selector.setDaemon(true);
        selector.start();
        fleets.parts.add(fleet::command);
        return fleets;
      }
      int count = (addresses + perPart - 1) / perPart;
      List<Child> children = new ArrayList<>();
      for (int k = 0; k < count; k++) { // all started first: each compiles this file and binds its addresses
        int first = addresses * k / count;
        int size = addresses * (k + 1) / count - first;
        Child child = Child.start("a fleet part", "--fleet-part", String.valueOf(first), String.valueOf(size));
        Runtime.getRuntime().addShutdownHook(new Thread(child.process()::destroy));
        children.add(child);
      }
      for (Child child : children) {
        child.awaitReady();
        fleets.parts.add(child::command);
      }
      return fleets;
    }

    void reset() throws Exception {
      for (Part p : parts) {
        p.command("reset");
      }
    }

    /** {probes, longest gap in ns, addresses never probed, then probes per 100 ms summed over the parts}. */
    long[] stats() throws Exception {
      long[] total = null;
      for (Part p : parts) {
        long[] v = Arrays.stream(p.command("stats").trim().split(" ")).mapToLong(Long::parseLong).toArray();
        if (total == null) {
          total = v;
          continue;
        }
        total[0] += v[0];
        total[1] = Math.max(total[1], v[1]);
        total[2] += v[2];
        int used = Math.min(total.length, v.length);
        long[] sum = Arrays.copyOf(total, used);
        for (int i = 3; i < used; i++) {
          sum[i] += v[i];
        }
        total = sum;
      }
      return total;
    }

    /** The busiest 100 ms of {@link #stats()}' buckets against the mean 100 ms. */
    static double burstiness(long[] stats) {
      long max = 0, sum = 0;
      int used = stats.length - 3;
      for (int i = 3; i < stats.length; i++) {
        max = Math.max(max, stats[i]);
        sum += stats[i];
      }
      return used <= 0 || sum == 0 ? 0 : max / ((double) sum / used);
    }

    void close(Set<Integer> addresses) throws Exception {
      StringBuilder line = new StringBuilder("close");
      addresses.forEach(a -> line.append(' ').append(a));
      for (Part p : parts) {
        p.command(line.toString());
      }
    }

    void watch(long t0) throws Exception {
      for (Part p : parts) {
        p.command("watch " + t0);
      }
    }

    /** Fills in {@code first} the addresses first probed after the watch's start, reported since the last call. */
    void firsts(long[] first) throws Exception {
      for (Part p : parts) {
        String answer = p.command("firsts").trim();
        if (!answer.isEmpty()) {
          for (String pair : answer.split(" ")) {
            int colon = pair.indexOf(':');
            first[Integer.parseInt(pair.substring(0, colon))] = Long.parseLong(pair.substring(colon + 1));
          }
        }
      }
    }

    void stop() throws Exception {
      for (Part p : parts) {
        p.command("stop");
      }
    }

    /** Waits until no connection to the fleet is open (the floor's closed), up to {@code limitSeconds}. */
    void awaitNoConnections(int limitSeconds) throws Exception {
      long deadline = System.nanoTime() + limitSeconds * 1_000_000_000L;
      long open;
      while ((open = connections()) > 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      if (open > 0) {
        System.err.println(open + " connections to the fake fleet still open after " + limitSeconds + " s");
      }
    }

    long connections() throws Exception {
      long open = 0;
      for (Part p : parts) {
        open += Long.parseLong(p.command("connections").trim());
      }
      return open;
    }
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
    final AtomicInteger open = new AtomicInteger(); // accepted connections not closed yet
    volatile boolean running = true;
    final CountDownLatch closed = new CountDownLatch(1);
    /** The index of this part's first address in the whole fleet. */
    final int offset;
    /** Each address's first probe after {@link #watchFrom} (0: none yet), and which were reported already. */
    final AtomicLongArray firstAfter;
    final boolean[] reported;
    volatile long watchFrom;

    /** Serves addresses {@code first} to {@code first + count - 1} and answers commands on stdin (see command). */
    static void serve(int first, int count) throws Exception {
      Fleet fleet = new Fleet(first, count, FAKE_PORT);
      Thread selector = new Thread(fleet, "fake-fleet-" + first);
      selector.setDaemon(true);
      selector.start();
      java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
      System.out.println("ready");
      System.out.flush();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        System.out.println(fleet.command(line));
        System.out.flush();
        if (line.equals("stop")) {
          return;
        }
      }
      fleet.stop(); // the benchmark went away
    }

    /**
     * One command of the benchmark: reset; stats (probes, longest gap, never probed, then the 100 ms buckets);
     * close a b ... (addresses of the whole fleet); watch t0; firsts (a:t of the addresses first probed after t0
     * since the last call); connections (accepted ones still open); stop. Answers one line.
     */
    synchronized String command(String line) throws Exception {
      String[] w = line.trim().split(" ");
      switch (w[0]) {
        case "reset" -> reset();
        case "stats" -> {
          StringBuilder b = new StringBuilder();
          b.append(probes.get()).append(' ').append(longestGapNanos()).append(' ').append(neverProbed());
          synchronized (buckets) {
            int used = (int) Math.min(buckets.length, (System.nanoTime() - resetAt) / 100_000_000L);
            for (int i = 0; i < used; i++) {
              b.append(' ').append(buckets[i]);
            }
          }
          return b.toString();
        }
        case "close" -> {
          Set<Integer> mine = new HashSet<>();
          for (int i = 1; i < w.length; i++) {
            int a = Integer.parseInt(w[i]) - offset;
            if (a >= 0 && a < listeners.length) {
              mine.add(a);
            }
          }
          close(mine);
        }
        case "watch" -> {
          for (int a = 0; a < listeners.length; a++) {
            firstAfter.set(a, 0);
            reported[a] = false;
          }
          watchFrom = Long.parseLong(w[1]);
        }
        case "firsts" -> {
          StringBuilder b = new StringBuilder();
          for (int a = 0; a < listeners.length; a++) {
            long t = firstAfter.get(a);
            if (t != 0 && !reported[a]) {
              reported[a] = true;
              b.append(b.length() == 0 ? "" : " ").append(a + offset).append(':').append(t);
            }
          }
          return b.toString();
        }
        case "connections" -> {
          return String.valueOf(open.get());
        }
        case "stop" -> stop();
        default -> throw new IllegalArgumentException("unknown fleet command: " + line);
      }
      return "ok";
    }

    Fleet(int first, int addresses, int port) throws IOException {
      offset = first;
      firstAfter = new AtomicLongArray(addresses);
      reported = new boolean[addresses];
      selector = Selector.open();
      listeners = new ServerSocketChannel[addresses];
      lastProbe = new AtomicLongArray(addresses);
      longestGap = new AtomicLongArray(addresses);
      count = new AtomicIntegerArray(addresses);
      for (int a = 0; a < addresses; a++) {
        ServerSocketChannel server = ServerSocketChannel.open();
        server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        server.bind(new InetSocketAddress(host(first + a), port), 1024);
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
              open.addAndGet(-accepted.get(a).size());
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
                  open.incrementAndGet();
                }
              } else if (key.isReadable()) {
                read(key);
              }
            } catch (IOException e) {
              if (key.attachment() instanceof Connection c) {
                drop(key, c);
              } else {
                key.cancel();
                key.channel().close();
              }
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
        drop(key, c);
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
          drop(key, c);
          return;
        }
      }
    }

    private void drop(SelectionKey key, Connection c) throws IOException {
      if (accepted.get(c.address).remove((SocketChannel) key.channel())) {
        open.decrementAndGet();
      }
      key.cancel();
      key.channel().close();
    }

    private void probed(int a) {
      long now = System.nanoTime();
      long last = lastProbe.getAndSet(a, now);
      if (now - last > longestGap.get(a)) {
        longestGap.set(a, now - last);
      }
      count.incrementAndGet(a);
      probes.incrementAndGet();
      long from = watchFrom;
      if (from != 0 && now - from > 0 && firstAfter.get(a) == 0) {
        firstAfter.set(a, now);
      }
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

  /**
   * The platform's floor of a heart-beat probe: a bare NIO selector loop doing what one registry node's prober does
   * to its share of the same fleet (a kept-alive connection per address, GET /heart-beat to each once per period in
   * slices 20 ms apart, the fixed answer read and counted, OP_READ kept, one direct scratch buffer) and nothing else:
   * no HTTP parsing, no futures, no table. It runs in a JVM of its own (--bare-prober COUNT, commands on stdin) so
   * that its thread's and its process's CPU are its own; the registries' prober threads are compared with it.
   */
  static final class BareProber implements Runnable {
    static final int WARMUP_SECONDS = 5;
    static final int SLICE_MILLIS = 20;
    static final int ANSWER = Fleet.OK.length;

    final SocketChannel[] channels;
    final byte[][] requests;
    final int[] partial; // bytes of an answer read so far, per address
    final Selector selector;
    final ByteBuffer scratch = ByteBuffer.allocateDirect(16384);
    volatile long sent; // written by the loop's thread only
    volatile long answered;
    volatile int tid; // the loop's Linux thread id
    volatile long threadId; // and its Java one
    volatile boolean running = true;
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch closed = new CountDownLatch(1);

    /** What the child measured over its window; {@code failure} when it could not. */
    record Figures(int addresses, double seconds, long answered, long sent, long threadNanos, long threadUser,
        long threadKernel, long jvmUser, long jvmKernel, String failure) {

      /** {@code registryProber}: the registries' prober threads' us per probe, compared with this loop's thread. */
      String describe(double registryProber) {
        if (failure != null) {
          return "FAILED: " + failure;
        }
        double perProbe = 10_000.0 / Math.max(1, answered); // us per clock tick (USER_HZ 100) and probe
        // The thread's CPU from the JVM (ns), split in the ratio of its user and kernel ticks.
        double thread = threadNanos / 1e3 / Math.max(1, answered);
        double user = threadUser + threadKernel == 0 ? 0 : thread * threadUser / (threadUser + threadKernel);
        return String.format(Locale.ROOT,
            "%.0f probes/s (%.2f per address per period, %d sent); its thread %.1f us per probe (user %.1f, kernel %.1f), "
                + "its whole JVM %.1f us (user %.1f, kernel %.1f)",
            answered / seconds, answered / (addresses * seconds * 1000 / PERIOD), sent, thread, user, thread - user,
            (jvmUser + jvmKernel) * perProbe, jvmUser * perProbe, jvmKernel * perProbe)
            + (registryProber > 0 && thread > 0
                ? String.format(Locale.ROOT, "; the registries' prober threads %.1f x its thread", registryProber / thread)
                : "");
      }
    }

    /**
     * Runs the floor in a child JVM: connects to addresses 0..{@code addresses}-1, probes for WARMUP_SECONDS
     * (compilation), then measures {@code window} seconds, closes everything and exits. Bounded; never throws.
     */
    static Figures measure(int addresses, int window) {
      ExecutorService talk = Executors.newSingleThreadExecutor();
      Process process = null;
      try {
        Child child = Child.start("the bare prober", "--bare-prober", String.valueOf(addresses));
        process = child.process();
        String answer = talk.submit(() -> {
          child.awaitReady();
          String figures = child.command("measure " + WARMUP_SECONDS + " " + window);
          child.in().println("stop"); // it closes everything and exits: waited for below
          return figures;
        }).get(180L + WARMUP_SECONDS + window, TimeUnit.SECONDS);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the bare prober did not exit");
        }
        long[] v = Arrays.stream(answer.trim().split(" ")).mapToLong(Long::parseLong).toArray();
        Figures figures = new Figures(addresses, v[0] / 1e9, v[1], v[2], v[3], v[4], v[5], v[6], v[7], null);
        System.err.println("floor: " + figures.describe(0));
        return figures;
      } catch (Exception e) {
        e.printStackTrace();
        return new Figures(addresses, 0, 0, 0, 0, 0, 0, 0, 0, e.toString());
      } finally {
        talk.shutdownNow();
        if (process != null && process.isAlive()) {
          process.destroyForcibly();
        }
      }
    }

    /**
     * The child: connects, probes on its own thread and answers "measure WARMUP WINDOW" (see reading: what the
     * window added to each) and "stop" (closes all, exits).
     */
    static void serve(int count) throws Exception {
      BareProber prober = new BareProber(count);
      Thread loop = new Thread(prober, "bare-prober");
      loop.setDaemon(true);
      loop.start();
      if (!prober.started.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the bare prober's loop did not start");
      }
      java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
      System.out.println("ready");
      System.out.flush();
      try {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          String[] w = line.trim().split(" ");
          if (w[0].equals("measure")) {
            Thread.sleep(Integer.parseInt(w[1]) * 1000L);
            long[] before = prober.reading();
            Thread.sleep(Integer.parseInt(w[2]) * 1000L);
            long[] after = prober.reading();
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < before.length; i++) {
              b.append(i == 0 ? "" : " ").append(after[i] - before[i]);
            }
            System.out.println(b);
          } else if (w[0].equals("stop")) {
            prober.stop();
            System.out.println("ok");
            return;
          } else {
            System.out.println("unknown command: " + line);
          }
          System.out.flush();
        }
      } finally {
        prober.stop();
      }
    }

    BareProber(int count) throws IOException {
      channels = new SocketChannel[count];
      requests = new byte[count][];
      partial = new int[count];
      selector = Selector.open();
      for (int a = 0; a < count; a++) {
        requests[a] = ("GET /heart-beat HTTP/1.1\r\nHost: " + addr(a) + "\r\nUser-Agent: servicegrid-registry\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
        SocketChannel channel = SocketChannel.open();
        channel.socket().connect(new InetSocketAddress(host(a), FAKE_PORT), 5000);
        channel.configureBlocking(false);
        channel.register(selector, SelectionKey.OP_READ, a);
        channels[a] = channel;
      }
    }

    /**
     * {now in ns, answered, sent, the loop thread's CPU in ns (the JVM's count), its utime and stime, the JVM's utime
     * and stime (clock ticks, /proc)}.
     */
    long[] reading() throws IOException {
      long now = System.nanoTime();
      long cpu = ManagementFactory.getThreadMXBean().getThreadCpuTime(threadId);
      long[] thread = ticks(Files.readString(Path.of("/proc/self/task/" + tid + "/stat")));
      long[] jvm = ticks(Files.readString(Path.of("/proc/self/stat")));
      return new long[] {now, answered, sent, cpu, thread[0], thread[1], jvm[0], jvm[1]};
    }

    void stop() throws InterruptedException {
      running = false;
      selector.wakeup();
      closed.await(10, TimeUnit.SECONDS);
    }

    /** Slice s of each period: addresses [count*s/slices, count*(s+1)/slices), started period*s/slices in. */
    @Override
    public void run() {
      try {
        tid = Integer.parseInt(Path.of("/proc/thread-self").toRealPath().getFileName().toString());
        threadId = Thread.currentThread().getId();
        started.countDown();
        int count = channels.length;
        int slices = (int) Math.max(1, Math.min(count, PERIOD / SLICE_MILLIS));
        long periodNanos = PERIOD * 1_000_000L;
        long start = System.nanoTime();
        long round = 0;
        int slice = 0;
        long due = start;
        while (running) {
          long wait = due - System.nanoTime();
          if (wait <= 0) {
            for (int a = count * slice / slices; a < count * (slice + 1) / slices; a++) {
              send(a);
            }
            if (++slice == slices) {
              slice = 0;
              round++;
            }
            due = start + round * periodNanos + periodNanos * slice / slices;
            continue;
          }
          selector.select(Math.max(1, (wait + 999_999) / 1_000_000));
          for (SelectionKey key : selector.selectedKeys()) {
            read(key);
          }
          selector.selectedKeys().clear();
        }
      } catch (IOException | RuntimeException e) {
        e.printStackTrace();
      } finally {
        for (SocketChannel c : channels) {
          try {
            if (c != null) {
              c.close();
            }
          } catch (IOException e) {
            // closing anyway
          }
        }
        try {
          selector.close();
        } catch (IOException e) {
          // closing anyway
        }
        started.countDown();
        closed.countDown();
      }
    }

    private void send(int a) throws IOException {
      SocketChannel channel = channels[a];
      if (!channel.isOpen()) {
        return;
      }
      scratch.clear();
      scratch.put(requests[a]).flip();
      channel.write(scratch);
      sent++;
    }

    private void read(SelectionKey key) throws IOException {
      SocketChannel channel = (SocketChannel) key.channel();
      int a = (Integer) key.attachment();
      scratch.clear();
      int n = channel.read(scratch);
      if (n < 0) {
        key.cancel();
        channel.close();
        return;
      }
      int bytes = partial[a] + n;
      answered += bytes / ANSWER;
      partial[a] = bytes % ANSWER;
    }
  }

  /**
   * The CPU of every thread of the registry JVMs (/proc/PID/task/TID/stat: user and kernel ticks and the name the
   * kernel keeps, 15 characters), so that the steady window's CPU is put to the threads that spent it.
   */
  record ThreadCpu(java.util.Map<String, long[]> threads, java.util.Map<String, String> names, long user, long kernel) {
    static final List<String> CATEGORIES =
        List.of("prober", "heart-beat rounds", "Liberty executor", "Liberty scheduled executor", "change feed", "Hazelcast", "JIT compiler",
            "GC and VM", "other", "threads ended");

    static ThreadCpu read(long[] pids) throws IOException {
      java.util.Map<String, long[]> threads = new java.util.HashMap<>();
      java.util.Map<String, String> names = new java.util.HashMap<>();
      long user = 0;
      long kernel = 0;
      for (long pid : pids) {
        long[] process = ticks(Files.readString(Path.of("/proc/" + pid + "/stat")));
        user += process[0];
        kernel += process[1];
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
          for (Path task : tasks.toList()) {
            try {
              String stat = Files.readString(task.resolve("stat"));
              String key = pid + "/" + task.getFileName();
              names.put(key, stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
              threads.put(key, ticks(stat));
            } catch (IOException e) {
              // the thread ended meanwhile
            }
          }
        }
      }
      return new ThreadCpu(threads, names, user, kernel);
    }

    /** The kernel's 15-character thread name to a category (Liberty's, Hazelcast's, HotSpot's names). */
    static String category(String name) {
      if (name.startsWith("registry-heart")) {
        return "prober";
      } else if (name.startsWith("Default Executo")) {
        return "Liberty executor";
      } else if (name.startsWith("Scheduled Execu")) {
        return "Liberty scheduled executor";
      } else if (name.startsWith("registry-rounds")) {
        return "heart-beat rounds";
      } else if (name.startsWith("registry-change")) {
        return "change feed";
      } else if (name.startsWith("hz.")) {
        return "Hazelcast";
      } else if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
        return "JIT compiler";
      } else if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")
          || name.startsWith("VM Periodic")) {
        return "GC and VM";
      }
      return "other";
    }

    /** {user, kernel} ticks per category since {@code before}; threads that ended in between as one category. */
    java.util.Map<String, long[]> byCategory(ThreadCpu before) {
      java.util.Map<String, long[]> sums = new java.util.LinkedHashMap<>();
      CATEGORIES.forEach(c -> sums.put(c, new long[2]));
      long user = this.user - before.user;
      long kernel = this.kernel - before.kernel;
      for (var t : threads.entrySet()) {
        long[] from = before.threads.getOrDefault(t.getKey(), new long[2]);
        long[] sum = sums.get(category(names.get(t.getKey())));
        sum[0] += t.getValue()[0] - from[0];
        sum[1] += t.getValue()[1] - from[1];
        user -= t.getValue()[0] - from[0];
        kernel -= t.getValue()[1] - from[1];
      }
      sums.get("threads ended")[0] = Math.max(0, user);
      sums.get("threads ended")[1] = Math.max(0, kernel);
      return sums;
    }

    /** The prober threads' us per probe since {@code before}. */
    double proberMicros(ThreadCpu before, long probes) {
      long[] prober = byCategory(before).get("prober");
      return (prober[0] + prober[1]) * 10_000.0 / Math.max(1, probes);
    }

    /**
     * Per category: share of the window's CPU, us per {@code unit} (user, kernel), {@code units} of them in the
     * window; the same for all; the top names on stderr.
     */
    String since(ThreadCpu before, long units, String unit) {
      double perProbe = 10_000.0 / Math.max(1, units); // us per clock tick (USER_HZ 100) and unit
      long user = this.user - before.user;
      long kernel = this.kernel - before.kernel;
      double all = Math.max(1, user + kernel);
      StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
          "all %.1f us (user %.1f, kernel %.1f)", (user + kernel) * perProbe, user * perProbe, kernel * perProbe));
      for (var c : byCategory(before).entrySet()) {
        long[] t = c.getValue();
        if (c.getKey().equals("threads ended") && t[0] + t[1] == 0) {
          continue;
        }
        b.append(String.format(Locale.ROOT, "; %s %.0f %% %.1f us (user %.1f, kernel %.1f)", c.getKey(),
            100 * (t[0] + t[1]) / all, (t[0] + t[1]) * perProbe, t[0] * perProbe, t[1] * perProbe));
      }
      // The busiest thread names (numbers folded), on stderr: what the categories are made of.
      java.util.Map<String, Long> byName = new java.util.TreeMap<>();
      for (var t : threads.entrySet()) {
        long[] from = before.threads.getOrDefault(t.getKey(), new long[2]);
        byName.merge(names.get(t.getKey()).replaceAll("\\d+", "#"),
            t.getValue()[0] - from[0] + t.getValue()[1] - from[1], Long::sum);
      }
      System.err.println("CPU per " + unit + " by thread name (ticks of 10 ms, all JVMs): " + byName.entrySet().stream()
          .filter(e -> e.getValue() > 0).sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
          .limit(20).map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(", ")));
      return b.toString();
    }
  }

  /**
   * The failover phases (FAILOVER=1; on by default with three nodes), run last on the instances still live: one node
   * killed with SIGKILL, the others' listings and probes watched, the node started again; then a rolling restart, every
   * node in turn stopped gracefully and started again while clients register new instances and look services up, each
   * call going to the next node when one cannot be reached or answers 5xx, as the client library does with several
   * registry URLs. Starts and stops nodes with NODE_COMMAND (scale.sh exports its `node` function): `NODE_COMMAND k
   * start|stop`, k from 0 in the URLs' order. Environment: KILL_NODE (1-based, the last), MEMBER_TIMEOUT (the nodes'
   * registry.cluster.member-timeout in ms, 5000; only for the goal), ROLL_CLIENTS (2 registering and 2 looking up),
   * ROLL_PAUSE (ms between two calls of a client, 100).
   */
  static final class Failover {
    static final HttpClient CLIENT = // the client library's timeouts: connect 1 s, read 3 s
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();
    static final Duration READ_TIMEOUT = Duration.ofSeconds(3);
    static final java.util.regex.Pattern ADDR = java.util.regex.Pattern.compile("\"Addr\"\\s*:\\s*\"([^\"]+)\"");
    static final int MEMBER_TIMEOUT = env("MEMBER_TIMEOUT", 5000);
    static final int ROLL_CLIENTS = env("ROLL_CLIENTS", 2);
    static final int ROLL_PAUSE = env("ROLL_PAUSE", 100);
    /** Attempts that sent a call on to the next node, by what went wrong (a status or the exception's class). */
    static final java.util.Map<String, AtomicInteger> SKIPPED = new java.util.concurrent.ConcurrentSkipListMap<>();

    final Fleets fleet;
    final long[] pids;
    final int expected;
    final int[] live; // the addresses still open
    final int[] perService; // live instances of each scale-s service

    Failover(Fleets fleet, long[] pids, Set<Integer> closed, int expected) {
      this.fleet = fleet;
      this.pids = pids;
      this.expected = expected;
      live = java.util.stream.IntStream.range(0, ADDRESSES).filter(a -> !closed.contains(a)).toArray();
      perService = new int[SERVICES];
      for (int i = 0; i < ADDRESSES * PER_ADDRESS; i++) {
        if (!closed.contains(i / PER_ADDRESS)) {
          perService[service(i)]++;
        }
      }
    }

    static boolean enabled() {
      return env("FAILOVER", nodes.size() == 3 ? 1 : 0) == 1;
    }

    /** Both phases; one that cannot go on (a node not ready in time, say) ends them with a row, not the table. */
    void run() throws InterruptedException {
      try {
        if (pids.length != nodes.size() || nodes.size() < 2) {
          throw new IllegalStateException("FAILOVER needs two nodes or more and REGISTRY_PIDS for every one");
        }
        killAndRestart(Math.floorMod(env("KILL_NODE", nodes.size()) - 1, nodes.size()));
        rollingRestart();
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        e.printStackTrace();
        row("failover phases", "ABORTED: " + e);
      }
    }

    /** kill -9 of one node: the others' listings, the re-probing of its addresses, then its restart. */
    void killAndRestart(int victim) throws Exception {
      List<String> survivors = new ArrayList<>(nodes);
      survivors.remove(victim);
      Listings listings = new Listings(survivors);
      ExecutorService sampler = Executors.newSingleThreadExecutor();
      Future<?> sampling = sampler.submit(listings);
      ProcessHandle process = ProcessHandle.of(pids[victim])
          .orElseThrow(() -> new IllegalStateException("no process " + pids[victim]));
      // The fleet records first probes from t0 on before the kill: the server runs detached, so the wait for its exit
      // below is the JDK polling a process that is not its child, and probes in that wait would go unseen.
      long t0 = System.nanoTime();
      fleet.watch(t0);
      process.destroyForcibly(); // SIGKILL
      process.onExit().get(10, TimeUnit.SECONDS);
      long[] first = awaitProbedAgain(t0, MEMBER_TIMEOUT / 1000 + 60);
      long last = 0;
      int late = 0;
      int never = 0;
      for (int a : live) {
        never += first[a] == 0 ? 1 : 0;
        late += first[a] - t0 > 1.5 * PERIOD * 1e6 ? 1 : 0;
        last = Math.max(last, first[a] - t0);
      }
      // Watch the listings until a false eviction after the take-over would have happened: 3 periods and slack.
      long watchUntil = t0 + Math.max(last, MEMBER_TIMEOUT * 1_000_000L) + (3L * PERIOD + 5000) * 1_000_000L;
      while (System.nanoTime() < watchUntil && !sampling.isDone()) {
        Thread.sleep(50);
      }
      listings.running = false;
      sampling.get(60, TimeUnit.SECONDS);
      sampler.shutdown();
      double watched = (System.nanoTime() - t0) / 1e9;
      String at = "node " + (victim + 1) + " of " + nodes.size();
      row("kill -9 of " + at + " (" + expected + " live instances, fleet up): the " + survivors.size()
          + " others' listings", listings.lowest == expected && listings.failed == 0
              ? String.format(Locale.ROOT, "all %d in each of %d samples over %.1f s", expected, listings.samples, watched)
              : String.format(Locale.ROOT, "FEWER: lowest %d of %d, %d of %d samples short, %d failed answers, over %.1f s",
                  listings.lowest, expected, listings.shortSamples, listings.samples, listings.failed, watched));
      row("kill -9 of " + at + ": every live address (" + live.length + ") probed again", never > 0
          ? String.format(Locale.ROOT, "NOT within %d s: %d addresses never probed again", MEMBER_TIMEOUT / 1000 + 60, never)
          : String.format(Locale.ROOT, "%.1f s after the kill (member-timeout %.0f s; goal %.0f s); %d addresses waited over 1.5 periods",
              last / 1e9, MEMBER_TIMEOUT / 1e3, MEMBER_TIMEOUT / 1e3 + 5, late));

      String node = nodes.get(victim);
      long s0 = System.nanoTime();
      control(victim, "start");
      double ready = awaitReady(node, s0, 180);
      int atReady = countOn(node);
      double whole = awaitCount(node, expected, s0, 120);
      row(at + " started again (server start, same settings)", String.format(Locale.ROOT,
          "ready %.1f s after the start command; lists all %d %s (%d listed when it turned ready)", ready, expected,
          whole < 0 ? "NOT within 120 s" : String.format(Locale.ROOT, "%.1f s after it, %.1f s after ready", whole, whole - ready),
          atReady));
    }

    /** The time of each live address's first probe after {@code t0} (0: none within the limit), polled every 20 ms. */
    long[] awaitProbedAgain(long t0, int limitSeconds) throws Exception {
      long[] first = new long[ADDRESSES]; // the fleet watches from t0 on
      long deadline = t0 + limitSeconds * 1_000_000_000L;
      while (Arrays.stream(live).anyMatch(a -> first[a] == 0) && System.nanoTime() < deadline) {
        fleet.firsts(first);
        Thread.sleep(20);
      }
      return first;
    }

    /** Counts what the nodes list, again and again, until told to stop: the lowest count, the short samples. */
    final class Listings implements java.util.concurrent.Callable<Void> {
      final List<String> watched;
      volatile boolean running = true;
      int samples;
      int shortSamples;
      int failed;
      int lowest = Integer.MAX_VALUE;

      Listings(List<String> watched) {
        this.watched = watched;
      }

      @Override
      public Void call() throws Exception {
        while (running) {
          for (String node : watched) {
            int listed = countOn(node);
            samples++;
            if (listed < 0) {
              failed++;
            } else {
              lowest = Math.min(lowest, listed);
              shortSamples += listed < expected ? 1 : 0;
            }
          }
        }
        return null;
      }
    }

    /** Rolling restart under load: registrations of new instances and lookups, both failing over between nodes. */
    void rollingRestart() throws Exception {
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger sent = new AtomicInteger();
      AtomicInteger unanswered = new AtomicInteger();
      AtomicInteger refused = new AtomicInteger(); // answered, not 200 nor 5xx
      AtomicInteger regFailedOver = new AtomicInteger();
      Set<Integer> acked = java.util.concurrent.ConcurrentHashMap.newKeySet();
      AtomicInteger lookups = new AtomicInteger();
      AtomicInteger lookupsFailed = new AtomicInteger();
      AtomicInteger lookupsNot200 = new AtomicInteger();
      AtomicInteger incomplete = new AtomicInteger();
      AtomicInteger lookFailedOver = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(2 * ROLL_CLIENTS);
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < ROLL_CLIENTS; c++) {
        clients.add(pool.submit(() -> {
          while (running.get()) {
            int j = sent.getAndIncrement();
            Answer answer = withFailover(j, node -> registration(node, rollName(j), addr(live[j % live.length])));
            if (answer == null) {
              unanswered.incrementAndGet();
            } else if (answer.status == 200) {
              acked.add(j);
            } else {
              refused.incrementAndGet();
              System.err.println("registration " + j + ": " + answer.status + " " + answer.body);
            }
            regFailedOver.addAndGet(answer != null && answer.tried > 1 ? 1 : 0);
            Thread.sleep(ROLL_PAUSE);
          }
          return null;
        }));
        clients.add(pool.submit(() -> {
          while (running.get()) {
            int i = lookups.getAndIncrement();
            int s = i % SERVICES;
            Answer answer = withFailover(i, node -> HttpRequest.newBuilder(URI.create(node + "/services/" + name(s)))
                .timeout(READ_TIMEOUT).build());
            if (answer == null) {
              lookupsFailed.incrementAndGet();
            } else if (answer.status != 200) {
              lookupsNot200.incrementAndGet();
              System.err.println("lookup of " + name(s) + ": " + answer.status + " " + answer.body);
            } else if (addresses(answer.body).size() < perService[s]) {
              incomplete.incrementAndGet();
            }
            lookFailedOver.addAndGet(answer != null && answer.tried > 1 ? 1 : 0);
            Thread.sleep(ROLL_PAUSE);
          }
          return null;
        }));
      }
      long r0 = System.nanoTime();
      List<String> steps = new ArrayList<>();
      for (int k = 0; k < nodes.size(); k++) {
        long s0 = System.nanoTime();
        control(k, "stop");
        double stopped = (System.nanoTime() - s0) / 1e9;
        long s1 = System.nanoTime();
        control(k, "start");
        double ready = awaitReady(nodes.get(k), s1, 180);
        steps.add(String.format(Locale.ROOT, "node %d stopped in %.1f s, ready %.1f s after start", k + 1, stopped, ready));
      }
      Thread.sleep(3L * PERIOD); // the load goes on a little against the restarted cluster
      running.set(false);
      for (Future<?> client : clients) {
        client.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      double rolled = (System.nanoTime() - r0) / 1e9;
      int[] lost = awaitRollListed(acked, 30);
      boolean whole = true;
      for (String node : nodes) {
        whole &= countOn(node) == expected;
      }
      row("rolling restart (server stop, start, ready, next), " + ROLL_CLIENTS + " registering + " + ROLL_CLIENTS
          + " looking-up clients failing over", String.join("; ", steps) + String.format(Locale.ROOT,
          "; %.1f s in all; the %d earlier instances %s", rolled, expected,
          whole ? "all listed on every node after" : "NOT ALL listed on every node after"));
      row("rolling restart: registrations of new instances", String.format(Locale.ROOT,
          "%d sent, %d acknowledged (%d after failing over), %d answered by no node, %d refused; lost %d (acknowledged, not listed on a node within 30 s, per node: %s)",
          sent.get(), acked.size(), regFailedOver.get(), unanswered.get(), refused.get(), Arrays.stream(lost).max().orElse(0),
          Arrays.toString(lost)));
      row("rolling restart: lookups of the 100-instance services", String.format(Locale.ROOT,
          "%d sent, %d failed on every node, %d answered other than 200, %d listed fewer instances than live, %d answered after failing over",
          lookups.get(), lookupsFailed.get(), lookupsNot200.get(), incomplete.get(), lookFailedOver.get()));
      row("rolling restart: attempts sent on to the next node, by cause", SKIPPED.isEmpty() ? "none" : SKIPPED.toString());
    }

    /** How many acknowledged registrations each node does not list, after waiting up to {@code limitSeconds}. */
    int[] awaitRollListed(Set<Integer> acked, int limitSeconds) throws Exception {
      java.util.Map<String, Set<String>> wanted = new java.util.HashMap<>();
      for (int j : acked) {
        wanted.computeIfAbsent(rollName(j), n -> new HashSet<>()).add(addr(live[j % live.length]));
      }
      int[] missing = new int[nodes.size()];
      long deadline = System.nanoTime() + limitSeconds * 1_000_000_000L;
      for (int k = 0; k < nodes.size(); k++) {
        do {
          missing[k] = 0;
          for (var service : wanted.entrySet()) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(nodes.get(k) + "/services/" + service.getKey()))
                .timeout(READ_TIMEOUT).build());
            Set<String> listed = r.statusCode() == 200 ? addresses(r.body()) : Set.of();
            missing[k] += (int) service.getValue().stream().filter(a -> !listed.contains(a)).count();
          }
        } while (missing[k] > 0 && System.nanoTime() < deadline && sleep(500));
      }
      return missing;
    }

    /** Registration j: a service of its own on each live address, so that every one is a new instance. */
    String rollName(int j) {
      return "scale-roll" + (j / live.length);
    }

    static HttpRequest registration(String node, String name, String addr) {
      String json = "{\"Name\":\"" + name + "\",\"Addr\":\"" + addr + "\",\"RequiredServices\":[]}";
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node + "/services")).timeout(READ_TIMEOUT)
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
      if (TOKEN != null) {
        request.header("Authorization", "Bearer " + TOKEN);
      }
      return request.build();
    }

    record Answer(int status, String body, int tried) {}

    /** The nodes in turn from {@code first}: the first answer that is not a 5xx, or null when none gave one. */
    static Answer withFailover(int first, java.util.function.Function<String, HttpRequest> request)
        throws InterruptedException {
      for (int t = 0; t < nodes.size(); t++) {
        try {
          HttpResponse<String> r = send(request.apply(nodes.get((first + t) % nodes.size())));
          if (r.statusCode() < 500) {
            return new Answer(r.statusCode(), r.body(), t + 1);
          }
          SKIPPED.computeIfAbsent(String.valueOf(r.statusCode()), k -> new AtomicInteger()).incrementAndGet();
        } catch (IOException e) { // not reachable (refused, reset, timed out): the next node
          SKIPPED.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
        }
      }
      return null;
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static Set<String> addresses(String body) {
      Set<String> found = new HashSet<>();
      java.util.regex.Matcher m = ADDR.matcher(body);
      while (m.find()) {
        found.add(m.group(1));
      }
      return found;
    }

    /** The instances of the scale-s services a node lists; -1 when it did not answer one of them 200. */
    static int countOn(String node) throws InterruptedException {
      int total = 0;
      for (int s = 0; s < SERVICES; s++) {
        try {
          HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(node + "/services/" + name(s)))
              .timeout(READ_TIMEOUT).build());
          if (r.statusCode() != 200) {
            return -1;
          }
          total += addresses(r.body()).size();
        } catch (IOException e) {
          return -1;
        }
      }
      return total;
    }

    /** Seconds from {@code start} until {@code node} lists {@code expected} instances, or -1 after the limit. */
    static double awaitCount(String node, int expected, long start, int limitSeconds) throws InterruptedException {
      long deadline = start + limitSeconds * 1_000_000_000L;
      while (countOn(node) != expected) {
        if (System.nanoTime() > deadline) {
          return -1;
        }
        Thread.sleep(100);
      }
      return (System.nanoTime() - start) / 1e9;
    }

    /** Seconds from {@code start} until {@code node}'s /health/ready answers 200; fails after the limit. */
    static double awaitReady(String node, long start, int limitSeconds) throws Exception {
      long deadline = start + limitSeconds * 1_000_000_000L;
      while (true) {
        try {
          if (send(HttpRequest.newBuilder(URI.create(node + "/health/ready")).timeout(READ_TIMEOUT).build())
              .statusCode() == 200) {
            return (System.nanoTime() - start) / 1e9;
          }
        } catch (IOException e) {
          // not up yet
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(node + " not ready " + limitSeconds + " s after its start");
        }
        Thread.sleep(100);
      }
    }

    /** Runs {@code NODE_COMMAND k start|stop} (scale.sh's `node` function), bounded. */
    static void control(int k, String action) throws Exception {
      String command = System.getenv().getOrDefault("NODE_COMMAND", "node") + " " + k + " " + action;
      Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(240, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(command + " did not return in 240 s");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(command + " exited with " + p.exitValue());
      }
    }

    static boolean sleep(long millis) throws InterruptedException {
      Thread.sleep(millis);
      return true;
    }
  }
}
