import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures a started registry with fake instances that are real HTTP servers on 127.0.0.1:
 * registrations/s and p99 (16 clients, 2000 instances), fan-out time to 200 dependents, and the time from an
 * instance going silent to its dependent's DELETE notice. Run with: java bench/RegistryBench.java [registryUrl]
 */
public class RegistryBench {

  static final int CLIENTS = 16;
  static final int INSTANCES = 2000;
  /** 2000 instances = 20 services x 100 addresses, each address a real fake server answering heart-beats. */
  static final int SERVICES = 20;
  /** Liberty needs tens of seconds of traffic before its JIT-compiled paths settle. */
  static final int WARMUP = 20000;
  static final int DEPENDENTS = 200;
  static final int DEPENDENT_SERVICES = 20;
  static final Duration BOUND = Duration.ofSeconds(60);
  /** A whole load (thousands of requests) on a slow or loaded machine. */
  static final Duration LOAD_BOUND = Duration.ofSeconds(300);

  static String registry;
  static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1)
      .executor(Executors.newFixedThreadPool(CLIENTS)).build();

  public static void main(String[] args) throws Exception {
    try {
      run(args);
    } catch (Exception e) {
      e.printStackTrace();
      System.exit(1); // the fakes' and clients' threads would keep the JVM alive
    }
  }

  static void run(String[] args) throws Exception {
    registry = args.length > 0 ? args[0] : "http://127.0.0.1:20000";
    String run = Long.toString(System.currentTimeMillis() % 100000);
    String bodies = System.getProperty("serve.fakes");
    if (bodies != null) {
      serveFakes("wrk" + run, Path.of(bodies));
      System.exit(0);
    }
    if (!Boolean.getBoolean("fanout.only")) {
      String phase = System.getProperty("load.phase", "all"); // registrations, lookups or all
      if (!phase.equals("lookups")) {
        registrationRounds(run);
      }
      if (!phase.equals("registrations")) {
        lookups(run);
      }
    }
    if (Boolean.getBoolean("load.only")) {
      System.exit(0);
    }
    // The repeated fan-out first: its unmeasured rounds also warm the notice path for the new dependents' runs.
    repeatedFanOut("refan" + run, Integer.getInteger("fanout.warmups", 100), Integer.getInteger("fanout.rounds", 40));
    int fanOutRuns = Integer.getInteger("fanout.runs", 3);
    for (int i = 0; i < fanOutRuns; i++) {
      fanOut("fan" + i + "-" + run);
    }
    detection("silent" + run);
    System.exit(0);
  }

  static List<Fake> startHosts() throws IOException {
    List<Fake> hosts = new ArrayList<>();
    for (int i = 0; i < INSTANCES / SERVICES; i++) {
      hosts.add(Fake.start());
    }
    return hosts;
  }

  static void registrationRounds(String run) throws Exception {
    List<Fake> hosts = startHosts();
    try {
      registrations("warmup" + run, hosts, WARMUP);
      double[] reference = gets("/services/none", REFERENCE_GETS);
      double[] result = registrations("bench" + run, hosts, INSTANCES);
      printRow("registrations of " + INSTANCES + " new instances (" + SERVICES + " services x " + hosts.size()
          + " addresses), " + CLIENTS + " Java HttpClient threads, heart-beats at the registry's period on "
          + hosts.size() + " addresses, after " + WARMUP + " warm-up registrations", result, "registrations");
      printRow("reference, same run: GET /services/none, " + CLIENTS + " Java HttpClient threads, " + REFERENCE_GETS
          + " requests", reference, "requests");
      deregisterAll("warmup" + run, hosts, Math.min(WARMUP, SERVICES * hosts.size())); // the unique ones
      deregisterAll("bench" + run, hosts, INSTANCES);
    } finally {
      hosts.forEach(Fake::close);
    }
  }

  /**
   * For a wrk client (bench/register.lua): starts the fake hosts, writes the 2000 registration bodies to
   * {@code bodies} (one per line), answers heart-beats until standard input closes, then deregisters them.
   */
  static void serveFakes(String prefix, Path bodies) throws Exception {
    List<Fake> hosts = startHosts();
    try {
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < INSTANCES; i++) {
        lines.add(instance(prefix, hosts, i));
      }
      Path partial = Path.of(bodies + ".partial");
      Files.write(partial, lines);
      Files.move(partial, bodies, StandardCopyOption.ATOMIC_MOVE);
      System.in.transferTo(OutputStream.nullOutputStream());
      deregisterAll(prefix, hosts, INSTANCES);
    } finally {
      hosts.forEach(Fake::close);
    }
  }

  static final int REFERENCE_GETS = 20000;
  /** Lookups: one service with this many instances, each at its own live fake address. */
  static final int LOOKUP_INSTANCES = 2000;
  static final int LOOKUPS = Integer.getInteger("lookups", 10000);

  /** With -Dregistry.pid, each figure also gives the registry's CPU time per request (less noisy than rates). */
  static final String REGISTRY_PID = System.getProperty("registry.pid");

  /** One line per figure: rate, p50, p99 and answers other than 200, with the workload that produced it. */
  static void printRow(String workload, double[] result, String unit) {
    String cpu = REGISTRY_PID == null ? "" : String.format(", registry CPU %.3f ms/request", result[4]);
    System.out.printf("%s: %.0f %s/s, p50 %.2f ms, p99 %.2f ms, %d not 200%s%n", workload, result[0], unit,
        result[1], result[2], (long) result[3], cpu);
  }

  /** The registry process's user + system CPU time so far, in ms (Linux /proc), or 0 without -Dregistry.pid. */
  static double registryCpuMillis() throws IOException {
    if (REGISTRY_PID == null) {
      return 0;
    }
    String stat = Files.readString(Path.of("/proc", REGISTRY_PID, "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0; // clock ticks of 10 ms
  }

  /**
   * GET /services/{name} of a service with 2000 instances (each a live fake server, so heart-beats reach
   * all of them at the registry's period), from 16 threads, against GET /services/none from the same client
   * in the same run; then 2000 new registrations again while those 2000 addresses are heart-beaten.
   */
  static void lookups(String run) throws Exception {
    String name = "lookup" + run;
    List<Fake> hosts = new ArrayList<>();
    try {
      for (int i = 0; i < LOOKUP_INSTANCES; i++) {
        hosts.add(Fake.start());
      }
      for (Fake host : hosts) {
        send("POST", info(name, host.addr()));
      }
      String answer = get("/services/" + name);
      int found = answer.split("\"Addr\"", -1).length - 1;
      if (found != LOOKUP_INSTANCES) {
        throw new IllegalStateException("lookup answered " + found + " instances, not " + LOOKUP_INSTANCES);
      }
      gets("/services/" + name, LOOKUPS); // warm-up
      double[] reference = gets("/services/none", REFERENCE_GETS);
      double[] lookups = gets("/services/" + name, LOOKUPS);
      printRow("lookups GET /services/{name} of one service with " + LOOKUP_INSTANCES + " instances ("
          + answer.length() + " bytes), " + CLIENTS + " Java HttpClient threads, " + LOOKUPS + " requests after as "
          + "many warm-up ones, heart-beats at the registry's period on " + LOOKUP_INSTANCES + " addresses", lookups,
          "lookups");
      printRow("reference, same run: GET /services/none, " + CLIENTS + " Java HttpClient threads, " + REFERENCE_GETS
          + " requests", reference, "requests");
      List<Fake> few = hosts.subList(0, INSTANCES / SERVICES);
      double[] registrations = registrations("hb" + run, few, INSTANCES);
      printRow("registrations of " + INSTANCES + " new instances (" + SERVICES + " services x " + few.size()
          + " addresses), " + CLIENTS + " Java HttpClient threads, heart-beats at the registry's period on "
          + LOOKUP_INSTANCES + " addresses", registrations, "registrations");
      deregisterAll("hb" + run, few, INSTANCES);
      for (Fake host : hosts) {
        send("DELETE", info(name, host.addr()));
      }
    } finally {
      hosts.forEach(Fake::close);
    }
  }

  static String get(String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(registry + path)).timeout(Duration.ofSeconds(10)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  /** {@code count} GETs of {@code path} from 16 threads: {requests per second, p50 ms, p99 ms, not 200}. */
  static double[] gets(String path, int count) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(registry + path)).timeout(Duration.ofSeconds(10)).build();
    return load(count, i -> HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
  }

  /** A request of a load: sends the {@code i}th and returns its status. */
  interface Call {
    int send(int i) throws Exception;
  }

  /** Runs {@code count} calls from 16 threads: {calls per second, p50 ms, p99 ms, answers other than 200}. */
  static double[] load(int count, Call call) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    long[] latencies = new long[count];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    double cpuBefore = registryCpuMillis();
    long start = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      done.add(clients.submit(() -> {
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
          long t0 = System.nanoTime();
          int status = call.send(i);
          latencies[i] = System.nanoTime() - t0;
          if (status != 200) {
            failed.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get(LOAD_BOUND.toSeconds(), TimeUnit.SECONDS);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpu = registryCpuMillis() - cpuBefore;
    clients.shutdown();
    Arrays.sort(latencies);
    return new double[] {count / seconds, latencies[count / 2] / 1e6, latencies[(int) (count * 0.99)] / 1e6,
        failed.get(), cpu / count};
  }

  static String info(String name, String addr, String... required) {
    StringBuilder json = new StringBuilder("{\"Name\":\"").append(name).append("\",\"Addr\":\"").append(addr)
        .append("\",\"RequiredServices\":[");
    for (int i = 0; i < required.length; i++) {
      json.append(i == 0 ? "" : ",").append('"').append(required[i]).append('"');
    }
    return json.append("]}").toString();
  }

  /** Registry writes need a token: BENCH_TOKEN, or the admin token of the build's credentials. */
  static final String TOKEN = token();

  static String token() {
    String fromEnvironment = System.getenv("BENCH_TOKEN");
    if (fromEnvironment != null) {
      return fromEnvironment;
    }
    java.nio.file.Path file = java.nio.file.Path.of("target/liberty/wlp/usr/shared/resources/servicegrid-auth/admin.jwt");
    try {
      return java.nio.file.Files.isReadable(file) ? java.nio.file.Files.readString(file).strip() : null;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static int send(String method, String json) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registry + "/services"))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    if (TOKEN != null) {
      request.header("Authorization", "Bearer " + TOKEN);
    }
    int status = HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    if (status == 401 || status == 403) {
      throw new IllegalStateException(method + " /services answered " + status + ": set BENCH_TOKEN to an admin token");
    }
    return status;
  }

  static String instance(String prefix, List<Fake> hosts, int i) {
    return info(prefix + "-s" + (i % SERVICES), hosts.get(i / SERVICES % hosts.size()).addr());
  }

  /** Registers {@code count} instances from 16 threads: {registrations per second, p50 ms, p99 ms, not 200}. */
  static double[] registrations(String prefix, List<Fake> hosts, int count) throws Exception {
    return load(count, i -> send("POST", instance(prefix, hosts, i)));
  }

  static void deregisterAll(String prefix, List<Fake> hosts, int count) throws Exception {
    for (int i = 0; i < count; i++) {
      send("DELETE", instance(prefix, hosts, i));
    }
  }

  /** The dependents are instances of {@link #DEPENDENT_SERVICES} services, as in a system with a few front ends. */
  static String dependentName(String target, int i) {
    return target + "-dep-" + (i % DEPENDENT_SERVICES);
  }

  /**
   * 200 dependents (each its own HTTP server) require a service; one instance of it registers. The dependents
   * are new, so each notice also opens the registry's connection to its dependent.
   */
  static void fanOut(String target) throws Exception {
    List<Fake> dependents = startDependents(target);
    try (Fake instance = Fake.start()) {
      long t0 = System.nanoTime();
      send("POST", info(target, instance.addr()));
      long answered = System.nanoTime();
      long[] arrivals = arrivals(dependents, "POST", 1, t0);
      System.out.printf("fan-out to new dependents: %d dependents, register answered after %.2f ms; notices after "
          + "%.2f (first), %.2f (median), %.2f ms (last)%n", DEPENDENTS, (answered - t0) / 1e6, arrivals[0] / 1e6,
          arrivals[arrivals.length / 2] / 1e6, arrivals[arrivals.length - 1] / 1e6);
      send("DELETE", info(target, instance.addr()));
    } finally {
      stopDependents(target, dependents);
    }
  }

  /**
   * The steady state: the same 200 dependents hear of {@code rounds} changes one after another (an instance of
   * the service they require registers, all are told, it deregisters, all are told), over the registry's
   * kept-alive connections, after {@code warmups} unmeasured rounds. Reports the median and the worst round.
   */
  static void repeatedFanOut(String target, int warmups, int rounds) throws Exception {
    List<Fake> dependents = startDependents(target);
    double[] lasts = new double[rounds];
    double[] medians = new double[rounds];
    try (Fake instance = Fake.start()) {
      for (int round = 1; round <= warmups + rounds; round++) {
        long t0 = System.nanoTime();
        send("POST", info(target, instance.addr()));
        long[] arrivals = arrivals(dependents, "POST", round, t0);
        send("DELETE", info(target, instance.addr()));
        arrivals(dependents, "DELETE", round, t0);
        if (round > warmups) {
          lasts[round - warmups - 1] = arrivals[arrivals.length - 1] / 1e6;
          medians[round - warmups - 1] = arrivals[arrivals.length / 2] / 1e6;
        }
      }
    } finally {
      stopDependents(target, dependents);
    }
    Arrays.sort(lasts);
    Arrays.sort(medians);
    System.out.printf("fan-out to the same dependents: %d dependents, %d changes after %d unmeasured: last notice "
        + "after %.2f ms (median round), %.2f ms (worst round); median notice after %.2f ms (median round)%n",
        DEPENDENTS, rounds, warmups, lasts[rounds / 2], lasts[rounds - 1], medians[rounds / 2]);
  }

  static List<Fake> startDependents(String target) throws Exception {
    List<Fake> dependents = new ArrayList<>();
    for (int i = 0; i < DEPENDENTS; i++) {
      Fake fake = Fake.start();
      dependents.add(fake);
      send("POST", info(dependentName(target, i), fake.addr(), target));
    }
    return dependents;
  }

  static void stopDependents(String target, List<Fake> dependents) throws Exception {
    for (int i = 0; i < dependents.size(); i++) {
      send("DELETE", info(dependentName(target, i), dependents.get(i).addr(), target));
      dependents.get(i).close();
    }
  }

  /** When each dependent received its {@code nth} notice of {@code method}, in nanoseconds after t0, sorted. */
  static long[] arrivals(List<Fake> dependents, String method, int nth, long t0) throws InterruptedException {
    long[] arrivals = new long[dependents.size()];
    for (int i = 0; i < arrivals.length; i++) {
      arrivals[i] = dependents.get(i).awaitNotice(method, nth, BOUND) - t0;
    }
    Arrays.sort(arrivals);
    return arrivals;
  }

  /** An instance stops answering heart-beats; measure until its dependent receives the DELETE notice. */
  static void detection(String target) throws Exception {
    try (Fake dependent = Fake.start()) {
      send("POST", info(target + "-dep", dependent.addr(), target));
      Fake instance = Fake.start();
      send("POST", info(target, instance.addr()));
      dependent.awaitNotice("POST", BOUND);
      long t0 = System.nanoTime();
      instance.close();
      long deleted = dependent.awaitNotice("DELETE", BOUND);
      System.out.printf("detection: instance silent -> dependent's DELETE notice after %.0f ms%n",
          (deleted - t0) / 1e6);
      send("DELETE", info(target + "-dep", dependent.addr(), target));
    }
  }

  /** A fake instance: a real HTTP server that answers heart-beats and records when notices arrive. */
  static final class Fake implements AutoCloseable {
    private static final ExecutorService SHARED = Executors.newFixedThreadPool(32);
    final HttpServer server;
    /** When each notice arrived (System.nanoTime()), by method; guarded by this. */
    final Map<String, List<Long>> arrivals = new HashMap<>();

    private Fake(HttpServer server) {
      this.server = server;
    }

    static Fake start() throws IOException {
      Fake fake = new Fake(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64));
      fake.server.createContext("/heart-beat", exchange -> {
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
      });
      fake.server.createContext("/services", exchange -> {
        long now = System.nanoTime();
        try (InputStream in = exchange.getRequestBody()) {
          in.readAllBytes();
        }
        fake.record(exchange.getRequestMethod(), now);
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
      });
      fake.server.setExecutor(SHARED);
      fake.server.start();
      return fake;
    }

    synchronized void record(String method, long now) {
      arrivals.computeIfAbsent(method, m -> new ArrayList<>()).add(now);
      notifyAll();
    }

    String addr() {
      return "127.0.0.1:" + server.getAddress().getPort();
    }

    long awaitNotice(String method, Duration bound) throws InterruptedException {
      return awaitNotice(method, 1, bound);
    }

    /** When the {@code nth} notice of {@code method} arrived, waiting for it at most {@code bound}. */
    synchronized long awaitNotice(String method, int nth, Duration bound) throws InterruptedException {
      long deadline = System.nanoTime() + bound.toNanos();
      List<Long> seen;
      while ((seen = arrivals.getOrDefault(method, List.of())).size() < nth) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException("no " + method + " notice #" + nth + " at " + addr() + " within " + bound);
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return seen.get(nth - 1);
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
