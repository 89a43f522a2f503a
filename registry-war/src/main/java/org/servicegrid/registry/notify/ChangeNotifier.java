package org.servicegrid.registry.notify;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.servicegrid.registry.table.Change;
import org.servicegrid.registry.table.ChangeSink;

/**
 * Pushes every change to the dependents of the changed service: one {@link DependentQueue} per dependent
 * address, drained asynchronously on the notifier's own pool of container-managed threads, each notice sent
 * by the {@link HttpNoticeSender} with the configured timeouts.
 *
 * <p>The table queues while holding its lock, which fixes the order per dependent; the deliveries start
 * after the lock is released and run in parallel across dependents, so the last of many dependents is told
 * a few network round-trips after the change, and a slow dependent delays nobody else.
 *
 * <p>Why a pool of threads from the {@link ManagedThreadFactory} rather than the ManagedExecutorService: a
 * notice is a blocking call that mostly waits for its dependent, and the managed executor runs its tasks on
 * Liberty's shared executor, which keeps about two threads per core and grows slowly, so a fan-out to 200
 * dependents would run a few calls at a time; each submission would also capture the thread context on the
 * registering request's thread. The pool's threads carry the application's context from their creation, are
 * idle-timed out, and are shut down with the application.
 */
@ApplicationScoped
public class ChangeNotifier implements ChangeSink {

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
  @ConfigProperty(name = "registry.notify.threads")
  private int threads;

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
    pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        threadFactory);
    pool.allowCoreThreadTimeOut(true); // an idle registry holds no notice threads
    executor = pool;
    sender = new HttpNoticeSender(connectTimeoutMillis, readTimeoutMillis);
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
    if (pool != null) { // a notice in flight ends within its read timeout
      pool.shutdown();
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
