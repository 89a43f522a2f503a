package org.servicegrid.registry.notify;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.servicegrid.registry.table.Change;
import org.servicegrid.registry.table.ChangeSink;

/**
 * Pushes every change to the dependents of the changed service: one {@link DependentQueue} (and so one
 * cached MP Rest Client) per dependent address, drained asynchronously on the {@link ManagedExecutorService}.
 *
 * <p>The table queues while holding its lock, which fixes the order per dependent; the deliveries start
 * after the lock is released and run in parallel across dependents, so the last of many dependents is told
 * about one network round-trip after the change, and a slow dependent delays nobody else.
 */
@ApplicationScoped
public class ChangeNotifier implements ChangeSink {

  private final ConcurrentMap<String, DependentQueue> queues = new ConcurrentHashMap<>();
  private Executor executor;
  private Function<String, NoticeSender> senders;
  private DeliveryListener listener;
  private int capacity;
  private Clock clock = Clock.systemUTC();

  @Resource private ManagedExecutorService managedExecutor;
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

  public ChangeNotifier() {}

  /** A notifier outside the container, for tests. */
  ChangeNotifier(Executor executor, Function<String, NoticeSender> senders, DeliveryListener listener,
      int capacity, Clock clock) {
    this.executor = executor;
    this.senders = senders;
    this.listener = listener;
    this.capacity = capacity;
    this.clock = clock;
  }

  @PostConstruct
  void init() {
    Duration connect = Duration.ofMillis(connectTimeoutMillis);
    Duration read = Duration.ofMillis(readTimeoutMillis);
    executor = managedExecutor;
    senders = address -> new RestNoticeSender(address, connect, read);
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

  @Override
  public void prepare(String address) {
    queues.computeIfAbsent(address, this::newQueue).prepare();
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
  }

  private DependentQueue newQueue(String address) {
    return new DependentQueue(address, capacity, executor, () -> senders.apply(address), listener, clock);
  }
}
