package org.servicegrid.registry.notify;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.servicegrid.protocol.auth.BearerAuthorization;
import org.servicegrid.registry.auth.AuthSettings;
import org.servicegrid.registry.table.Change;
import org.servicegrid.registry.table.ChangeSink;

/**
 * Pushes every change to the dependents of the changed service: one {@link DependentQueue} per
 * dependent address, drained on the notifier's own pool of container-managed threads, through a few
 * MP Rest Clients (timeouts, and keep-alive connections that {@code
 * registry.notify.max-connections} bounds in all). The table queues while holding its lock, which
 * fixes the order per dependent; deliveries start after the lock is released and run in parallel
 * across dependents, so a slow dependent delays nobody else.
 *
 * <p>The pool's threads come from the {@link ManagedThreadFactory} rather than the
 * ManagedExecutorService: notices are blocking calls that mostly wait, a fan-out needs many at
 * once, and the managed executor would capture the thread context of every submission.
 */
@ApplicationScoped
public class ChangeNotifier implements ChangeSink {

  /**
   * Notice threads sharing one client's connection pool (and its lock): see {@link
   * DependentClients}.
   */
  private static final int THREADS_PER_CLIENT = 4;

  private final ConcurrentMap<String, DependentQueue> queues = new ConcurrentHashMap<>();
  private Executor executor;
  private BiConsumer<String, Change> sender;
  private Consumer<Object> publisher;
  private int capacity;
  private Clock clock = Clock.systemUTC();

  @Resource private ManagedThreadFactory threadFactory;
  @Inject private NoticeSettings settings;
  @Inject private AuthSettings auth;
  @Inject private Event<Object> events;

  private DependentClients clients;
  private ThreadPoolExecutor pool;

  public ChangeNotifier() {}

  /**
   * A notifier outside the container, for tests: {@code publisher} receives what CDI observers
   * would.
   */
  ChangeNotifier(
      Executor executor,
      BiConsumer<String, Change> sender,
      Consumer<Object> publisher,
      int capacity,
      Clock clock) {
    this.executor = executor;
    this.sender = sender;
    this.publisher = publisher;
    this.capacity = capacity;
    this.clock = clock;
  }

  @PostConstruct
  void init() {
    int threads = settings.threads();
    int clientCount = Math.max(1, threads / THREADS_PER_CLIENT);
    int connectionsPerClient =
        Math.max(1, (settings.maxConnections() + clientCount - 1) / clientCount);
    clients = new DependentClients(clientCount, i -> newClient(connectionsPerClient));
    pool =
        new ThreadPoolExecutor(
            threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threadFactory);
    pool.allowCoreThreadTimeOut(true); // an idle registry holds no notice threads
    executor = pool;
    sender = new NoticeSender(clients)::send;
    publisher = events::fire;
    capacity = settings.queueCapacity();
  }

  private DependentClient newClient(int maxConnections) {
    RestClientBuilder builder =
        RestClientBuilder.newBuilder()
            // Each call's dependent replaces the placeholder: DependentRouting. With TLS, Liberty
            // gives the client its
            // default SSL configuration (it replaces any SSLContext set here), the truststore of
            // servicegrid.tls.dir.
            .baseUri(URI.create(settings.transport().baseUrl("dependent.invalid")))
            .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .property("resteasy.connectionPoolSize", maxConnections)
            .property(
                "resteasy.maxPooledPerRoute", 2) // a dependent's queue sends one notice at a time
            // Without the default error mapper a non-2xx answer comes back as a Response, which
            // NoticeSender
            // reports with its status; the default one also looks MP Config up on every response.
            .property("microprofile.rest.client.disable.default.mapper", true)
            .register(new DependentRouting(settings.transport()), DependentRouting.PRIORITY);
    // Services check that a notice comes from the registry by its token; original-protocol services
    // ignore it.
    auth.token().ifPresent(token -> builder.register(new BearerAuthorization(token)));
    return builder.build(DependentClient.class);
  }

  /**
   * Creates the notifier at start: building its REST clients takes a while, and the first change
   * must not wait for them on the thread that applies every change.
   */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    // the bean's creation is the point
  }

  @Override
  public Runnable enqueue(Change change, Collection<String> dependentAddresses) {
    if (change.notice() == Change.Notice.NONE) {
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
    if (clients != null) { // closing their connections ends the calls still in flight at once
      clients.close();
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
    return new DependentQueue(address, capacity, executor, sender, publisher, clock);
  }
}
