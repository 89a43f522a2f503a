package org.servicegrid.registry.table;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.servicegrid.registry.RegistryConfig;
import org.servicegrid.protocol.ServiceInfo;

/**
 * The registry's table of live instances: register, deregister, evict, look up.
 *
 * <p>A singleton EJB created at start-up whose concurrency is bean-managed with one
 * {@link ReentrantReadWriteLock}, not container {@code @Lock}: a container lock would span the whole method. The write lock must cover the change <em>and</em> the queuing of its
 * notices (so each dependent receives them in change order) but not the start of their delivery, nor
 * logging and events, which run after {@code unlock()}. Work under the lock is a few map operations plus
 * O(dependents) queue appends, no I/O, which keeps registration cheap. Lookups take the read lock and copy
 * what they return, so they never see half of a change. The table lives in memory only, so its methods run
 * outside transactions ({@code NOT_SUPPORTED}); bean-managed transactions would cost every call a lookup in
 * one synchronized table that all requests share.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ServiceTable {

  private static final Logger LOG = Logger.getLogger(ServiceTable.class.getName());

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  /** The JSON lookup answer per service, dropped at each change of it: {@link #instancesJsonOf}. */
  private final ConcurrentMap<String, byte[]> instancesJson = new ConcurrentHashMap<>();
  private Directory directory;
  private Consumer<Object> publisher;
  private Clock clock = Clock.systemUTC();
  private volatile boolean open;

  @Inject private ChangeSink sink;
  @Inject private Event<Object> events;

  @Inject private RegistryConfig config;

  public ServiceTable() {}

  /** A table outside the container, for tests: {@code publisher} receives what CDI observers would. */
  ServiceTable(ChangeSink sink, Consumer<Object> publisher, Clock clock, int maxIdleServices) {
    this.sink = sink;
    this.publisher = publisher;
    this.clock = clock;
    this.directory = new Directory(maxIdleServices);
    this.open = true;
  }

  @PostConstruct
  void open() {
    publisher = events::fire;
    directory = new Directory(config.maxIdleServices());
    open = true;
    LOG.info("Service table is open");
  }

  @PreDestroy
  void close() {
    open = false;
  }

  /** True between start-up and shut-down: the readiness check reports it. */
  public boolean isOpen() {
    return open;
  }

  /** Registers or replaces {@code info}; answers each of its required services with its live instances. */
  public Map<String, List<ServiceInfo>> register(ServiceInfo info) {
    Registration registration = new Registration(info, clock.instant());
    return apply(() -> {
      Change.Kind kind = directory.put(registration) == null ? Change.Kind.REGISTERED : Change.Kind.REPLACED;
      return new Change(kind, info, registration.registeredSince());
    }, () -> directory.instancesOf(info.requiredServices()), Map.of());
  }

  /** Removes the instance with {@code info}'s Name+Addr, if registered. */
  public boolean deregister(ServiceInfo info) {
    return apply(() -> removal(directory.remove(info.id()), Change.Kind.DEREGISTERED), () -> true, false);
  }

  /** Removes {@code registration} only if it is still the current one of its Name+Addr. */
  public boolean evict(Registration registration) {
    return apply(() -> registration.isCurrent()
        ? removal(directory.remove(registration.info().id()), Change.Kind.EVICTED)
        : null, () -> true, false);
  }

  private Change removal(Registration removed, Change.Kind kind) {
    return removed == null ? null : new Change(kind, removed.info(), clock.instant());
  }

  /**
   * Runs {@code mutation} (which returns the change it made, or null) under the write lock, queues the
   * change's notices and computes the caller's answer from that same state; deliveries, log and events
   * follow once the lock is released.
   */
  private <T> T apply(Supplier<Change> mutation, Supplier<T> answer, T unchanged) {
    Change change;
    T result;
    Runnable deliveries = () -> {};
    List<String> forgotten;
    lock.writeLock().lock();
    try {
      change = mutation.get();
      if (change == null) {
        return unchanged;
      }
      ServiceInfo info = change.instance();
      instancesJson.remove(info.name());
      if (change.kind() != Change.Kind.REPLACED) {
        deliveries = sink.enqueue(change, directory.dependentAddresses(info.name()));
      }
      if (change.kind().isRemoval() && !directory.servesAt(info.addr())) {
        sink.forget(info.addr());
      }
      forgotten = directory.trimIdleNames();
      forgotten.forEach(instancesJson::remove);
      result = answer.get();
    } finally {
      lock.writeLock().unlock();
    }
    deliveries.run();
    publisher.accept(change);
    if (!forgotten.isEmpty()) {
      publisher.accept(new ServicesForgotten(forgotten));
    }
    return result;
  }

  /** Every known service with its live instances; {@code []} for known services without one. */
  public Map<String, List<ServiceInfo>> services() {
    return read(directory::all);
  }

  public List<ServiceInfo> instancesOf(String name) {
    return read(() -> directory.instancesOf(name));
  }

  /**
   * The instances of {@code name} as the JSON answer of a lookup. Written once per change of the service and
   * kept until its next change, for known names only (so unknown names cannot grow the cache). It is written
   * and cached under the read lock: a change, which needs the write lock and drops the name's entry, then
   * comes either before (and is in it) or after (and drops it).
   */
  public byte[] instancesJsonOf(String name) {
    byte[] cached = instancesJson.get(name);
    if (cached != null) {
      return cached;
    }
    return read(() -> {
      byte[] json = InstancesJson.list(directory.instancesOf(name));
      if (directory.knows(name)) {
        instancesJson.put(name, json);
      }
      return json;
    });
  }

  public int instanceCount(String name) {
    return read(() -> directory.instanceCount(name));
  }

  /** A snapshot of the current registrations, for the heart-beats and the operations endpoints. */
  public List<Registration> registrations() {
    return read(directory::registrations);
  }

  private <T> T read(Supplier<T> query) {
    lock.readLock().lock();
    try {
      return query.get();
    } finally {
      lock.readLock().unlock();
    }
  }
}
