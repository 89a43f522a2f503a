package org.servicegrid.registry.notify;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.servicegrid.registry.table.Change;
import org.servicegrid.registry.table.ChangeSink;

/**
 * Pushes every change to the dependents of the changed service: one {@link DependentQueue} per dependent
 * address, drained asynchronously on the notifier's own pool of container-managed threads, all through one
 * MP Rest Client (built at start-up, with the configured timeouts and a pool of keep-alive connections shared
 * by every dependent).
 *
 * <p>The table queues while holding its lock, which fixes the order per dependent; the deliveries start
 * after the lock is released and run in parallel across dependents, so the last of many dependents is told
 * a few network round-trips after the change, and a slow dependent delays nobody else.
 *
 * <p>Why a pool of threads from the {@link ManagedThreadFactory} rather than the ManagedExecutorService: a
 * notice is a blocking call that mostly waits for its dependent, and the managed executor runs its tasks on
 * Liberty's shared executor, which keeps about two threads per core and grows slowly. With 4 threads a fan-out
 * to 200 dependents ran 4 calls at a time and the last dependent heard of the change 100-440 ms after it;
 * each submission also captured the thread context (tens of microseconds each, on the registering request's
 * thread). The pool's threads carry the application's context from their creation, are idle-timed out, and
 * are shut down with the application.
 */
@ApplicationScoped
public class ChangeNotifier implements ChangeSink {

  private static final Logger LOG = Logger.getLogger(ChangeNotifier.class.getName());

  private final ConcurrentMap<String, DependentQueue> queues = new ConcurrentHashMap<>();
  private Executor executor;
  private NoticeSender sender;
  private DeliveryListener listener;
  private int capacity;
  private Clock clock = Clock.systemUTC();

  @Resource private ManagedThreadFactory threadFactory;
  @Inject private DeliveryRecorder recorder;

  @Inject
  @ConfigProperty(name = "registry.notify.connect-timeout")
  private long connectTimeoutMillis;

  @Inject
  @ConfigProperty(name = "registry.notify.read-timeout")
  private long readTimeoutMillis;

  @Inject
  @ConfigProperty(name = "registry.notify.queue-capacity")
  private int queueCapacity;

  @Inject
  @ConfigProperty(name = "registry.notify.max-connections")
  private int maxConnections;

  @Inject
  @ConfigProperty(name = "registry.notify.threads")
  private int threads;

  private DependentClient client;
  private ThreadPoolExecutor pool;

  public ChangeNotifier() {}

  /** A notifier outside the container, for tests. */
  ChangeNotifier(Executor executor, NoticeSender sender, DeliveryListener listener, int capacity, Clock clock) {
    this.executor = executor;
    this.sender = sender;
    this.listener = listener;
    this.capacity = capacity;
    this.clock = clock;
  }

  @PostConstruct
  void init() {
    if (threads < 1) {
      throw new IllegalArgumentException("registry.notify.threads must be at least 1, was " + threads);
    }
    client = RestClientBuilder.newBuilder()
        .baseUri(URI.create("http://dependent.invalid")) // each call's dependent replaces it: DependentRouting
        .connectTimeout(connectTimeoutMillis, TimeUnit.MILLISECONDS)
        .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS)
        .property("resteasy.connectionPoolSize", maxConnections)
        .property("resteasy.maxPooledPerRoute", 2) // a dependent's queue sends one notice at a time
        // Without the default error mapper a non-2xx answer comes back as a Response, which RestNoticeSender
        // reports with its status; the default one also looks MP Config up on every response. RESTEasy logs
        // one warning at start-up that it is disabled.
        .property("microprofile.rest.client.disable.default.mapper", true)
        .register(new DependentRouting())
        .build(DependentClient.class);
    pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        threadFactory);
    pool.allowCoreThreadTimeOut(true); // an idle registry holds no notice threads
    executor = pool;
    sender = new RestNoticeSender(client);
    listener = recorder;
    capacity = queueCapacity;
  }

  @Override
  public Runnable enqueue(Change change, Collection<String> dependentAddresses) {
    if (!change.kind().isAddition() && !change.kind().isRemoval()) {
      return () -> {};
    }
    List<DependentQueue> idle = new ArrayList<>();
    for (String address : dependentAddresses) {
      DependentQueue queue = queues.computeIfAbsent(address, this::newQueue);
      if (queue.offer(change)) {
        idle.add(queue);
      }
    }
    return idle.isEmpty() ? () -> {} : () -> idle.forEach(DependentQueue::start);
  }

  /** Notices queued for dependents and not yet being sent, over all dependents. */
  public int backlog() {
    int waiting = 0;
    for (DependentQueue queue : queues.values()) {
      waiting += queue.waiting();
    }
    return waiting;
  }

  @Override
  public void forget(String address) {
    DependentQueue queue = queues.remove(address);
    if (queue != null) {
      queue.close();
    }
  }

  @PreDestroy
  void closeAll() {
    queues.keySet().forEach(this::forget);
    if (pool != null) {
      pool.shutdown();
    }
    if (client != null) { // closing its connections ends the calls still in flight at once
      try {
        client.close();
      } catch (Exception e) {
        LOG.log(Level.FINE, "Closing the notice client failed: {0}", e.toString());
      }
    }
    if (pool != null) {
      try {
        if (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
          pool.shutdownNow();
        }
      } catch (InterruptedException e) {
        pool.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }

  private DependentQueue newQueue(String address) {
    return new DependentQueue(address, capacity, executor, sender, listener, clock);
  }
}
