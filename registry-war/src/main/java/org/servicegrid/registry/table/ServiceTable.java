package org.servicegrid.registry.table;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicegrid.protocol.InstanceId;
import org.servicegrid.protocol.InstanceStatus;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.protocol.tracing.TraceParent;
import org.servicegrid.protocol.tracing.Tracing;
import org.servicegrid.registry.cluster.ChangeFeed;
import org.servicegrid.registry.cluster.ClusterMember;
import org.servicegrid.registry.cluster.RegistrationRecord;
import org.servicegrid.registry.cluster.RegistrationRecord.State;
import org.servicegrid.registry.cluster.SharedRegistrations;
import org.servicegrid.registry.cluster.StatusOverrides;

/**
 * The registry's table of live instances on this node: register, deregister, evict, look up (how it
 * shares the cluster's map and what it delegates: see the package overview). A write waits at most
 * {@code registry.cluster.write-timeout} (else 503) until this node applied it; a registration is
 * evicted only if its record is still the one checked.
 *
 * <p>Bean-managed concurrency with one {@link ReentrantReadWriteLock}: applying a change takes the
 * write lock, which covers the change <em>and</em> the queuing of its notices (so each dependent
 * receives them in change order), but not the start of their delivery, nor logging and events. Only
 * the member that the write names as notifier queues notices; when members leave, the survivors
 * queue again those the departed ones owed (a dependent may receive one twice then, never none).
 * Lookups take the read lock and copy what they return. The table lives in memory only, so its
 * methods run outside transactions ({@code NOT_SUPPORTED}).
 */
@Singleton
@Startup
@DependsOn("ClusterMember")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ServiceTable {

  private static final Logger LOG = Logger.getLogger(ServiceTable.class.getName());

  private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(10);

  /** A status write races at most a few registrations of the same instance. */
  private static final int STATUS_ATTEMPTS = 3;

  /** Far beyond the time an event takes from one node to the others. */
  private static final Duration CATCH_UP_WINDOW = Duration.ofSeconds(2);

  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  private final InstancesJsonCache instancesJson = new InstancesJsonCache();
  private final Tombstones tombstones = new Tombstones();

  private final RecentNotices recent = new RecentNotices(CATCH_UP_WINDOW, System::nanoTime);
  private Directory directory;
  private SharedRegistrations shared;
  private ChangeFeed feed;
  private Consumer<Object> publisher;
  private Clock clock = Clock.systemUTC();
  private ClusterWrites writes;
  private TableLimits limits;
  private volatile boolean open;

  @Inject private ChangeSink sink;
  @Inject private Event<Object> events;
  @Inject private TableSettings settings;
  @Inject private ClusterMember member;
  @Inject private Tracing tracing;
  @Resource private ManagedThreadFactory threadFactory;

  public ServiceTable() {}

  /**
   * A table outside the container, for tests: {@code publisher} receives what CDI observers would.
   */
  ServiceTable(
      SharedRegistrations shared,
      ChangeSink sink,
      Consumer<Object> publisher,
      Clock clock,
      TableSettings settings,
      ThreadFactory threads) {
    this.shared = shared;
    this.sink = sink;
    this.publisher = publisher;
    this.clock = clock;
    this.settings = settings;
    this.tracing = Tracing.off();
    start(settings, threads);
  }

  @PostConstruct
  void open() {
    publisher = events::fire;
    shared = member.registrations();
    start(settings, threadFactory);
  }

  private void start(TableSettings settings, ThreadFactory threads) {
    directory = new Directory(settings.maxIdleServices());
    limits = new TableLimits(settings.maxInstancesPerService(), settings.maxServices());
    writes = new ClusterWrites(shared, settings.clusterWriteTimeout());
    feed =
        new ChangeFeed(
            shared,
            new ChangeFeed.Handler() { // not implemented by the bean: no business interface
              @Override
              public void apply(RegistrationRecord record) {
                ServiceTable.this.apply(record);
              }

              @Override
              public void expired(RegistrationRecord record) {
                ServiceTable.this.expired(record);
              }

              @Override
              public void membersLeft(Set<UUID> members) {
                ServiceTable.this.membersLeft(members);
              }
            },
            TAKEOVER_BOUND);
    feed.start(threads);
    open = true;
    LOG.log(
        Level.INFO,
        "Service table is open: {0} instances in a cluster of {1}",
        new Object[] {registrations().size(), shared.memberCount()});
  }

  @PreDestroy
  void close() {
    open = false;
    feed.stop();
  }

  /**
   * True between start-up and shut-down while this node is a member of the cluster: the readiness
   * check.
   */
  public boolean isOpen() {
    return open && shared.isRunning();
  }

  /** How many registry nodes share the table. */
  public int clusterSize() {
    return shared.memberCount();
  }

  /**
   * Registers or replaces {@code info}; answers each of its required services with its live
   * instances. A new instance beyond the table's limits is refused with {@link
   * LimitExceededException}, before anything is written. The limits are checked against this node's
   * copy of the table: see {@link TableLimits} for the cluster.
   */
  public Map<String, List<ServiceInfo>> register(ServiceInfo info) {
    read(
        () -> {
          limits.admit(directory, info);
          return null;
        });
    // the registry sets the status: an instance taken out of service comes back out of service
    InstanceStatus status = overrides().statusOf(info.id());
    try {
      writes.write(
          RegistrationRecord.live(info.withStatus(status), clock.instant(), traceParent()),
          false,
          null,
          Duration.ZERO);
    } finally {
      limits.release(info);
    }
    if (status != InstanceStatus.UP) {
      overrides().keep(info.id());
    }
    return read(() -> directory.instancesInServiceOf(info.requiredServices()));
  }

  /** Removes the instance with {@code info}'s Name+Addr, if registered. */
  public boolean deregister(ServiceInfo info) {
    Registration current = read(() -> directory.get(info.id()));
    boolean removed =
        writes.write(
            RegistrationRecord.removal(info, State.DEREGISTERED, clock.instant(), traceParent()),
            true,
            null,
            Tombstones.TTL);
    if (removed && current != null) {
      retainOverrideOf(current.info());
    }
    return removed;
  }

  /** Removes {@code registration} only if it is still the current one of its Name+Addr. */
  public boolean evict(Registration registration) {
    boolean evicted =
        registration.isCurrent()
            && writes.write(
                RegistrationRecord.removal(
                    registration.info(), State.EVICTED, clock.instant(), traceParent()),
                true,
                registration.record().token(),
                Tombstones.TTL);
    if (evicted) {
      retainOverrideOf(registration.info());
    }
    return evicted;
  }

  /** A departed instance that was out of service stays so for the retention, should it return. */
  private void retainOverrideOf(ServiceInfo departed) {
    if (!departed.inService()) {
      overrides().retainFor(departed.id(), settings.statusOverrideRetention());
    }
  }

  /**
   * Sets the status of the registered instance {@code id} to {@code status}, for {@code by}: in the
   * cluster's overrides (which a new registration of it reads) and in its registration, whose new
   * record tells the dependents (a DELETE when it leaves service, a POST when it comes back). Empty
   * when {@code id} is not registered; then nothing changed. Setting the status it has changes
   * nothing and answers it as it is.
   */
  public Optional<ServiceInfo> setStatus(InstanceId id, InstanceStatus status, String by) {
    for (int attempt = 0; attempt < STATUS_ATTEMPTS; attempt++) {
      Registration current = read(() -> directory.get(id));
      if (current == null) {
        return Optional.empty();
      }
      InstanceStatus before = current.info().status();
      overrides().set(id, status, by, clock.instant());
      if (before == status) {
        return Optional.of(current.info());
      }
      RegistrationRecord record =
          current.record().withStatus(status, by, clock.instant(), traceParent());
      if (writes.write(record, true, current.record().token(), Duration.ZERO)) {
        Registration written = read(() -> directory.get(id));
        return Optional.of(written != null ? written.info() : record.info());
      }
      // registered again or removed meanwhile: put the override back and look again
      overrides().set(id, before, by, clock.instant());
    }
    throw new TableUnavailableException(
        "the registration of " + id + " changed while its status was set; try again", null);
  }

  private StatusOverrides overrides() {
    return shared.statusOverrides();
  }

  /**
   * The span this write is made in (a request's, an eviction's), which the record carries to the
   * node and thread that send its notices; nothing asked of OpenTelemetry while tracing is off.
   */
  private String traceParent() {
    return tracing.enabled() ? TraceParent.current() : TraceParent.NONE;
  }

  /**
   * Applies one record of the shared map, unless this node already applied it or a newer one of its
   * key: the change, its notices (if this node is their sender) and the caches under the write
   * lock; deliveries, log and events after it. Runs on the change feed's thread only.
   */
  private void apply(RegistrationRecord record) {
    Change change = null;
    Runnable deliveries = () -> {};
    List<String> forgotten = List.of();
    lock.writeLock().lock();
    try {
      if (isNew(record)) {
        change = record.isLive() ? put(record) : remove(record);
      }
      if (change != null) {
        ServiceInfo info = change.instance();
        instancesJson.drop(List.of(info.name()));
        if (change.notice() != Change.Notice.NONE && notifies(record)) {
          Set<String> dependents = directory.dependentAddresses(info.name());
          deliveries = sink.enqueue(change, dependents);
          recent.sent(change, dependents);
        }
        if (change.kind() == Change.Kind.REGISTERED
            && !record.writer().equals(shared.localMemberId())) {
          deliveries = andThen(deliveries, catchUp(info));
        }
        if (change.kind().isRemoval() && !directory.servesAt(info.addr())) {
          sink.forget(info.addr());
        }
        forgotten = directory.trimIdleNames();
        instancesJson.drop(forgotten);
      }
    } finally {
      lock.writeLock().unlock();
    }
    deliveries.run();
    if (change != null) {
      publisher.accept(change);
    }
    if (!forgotten.isEmpty()) {
      publisher.accept(new ServicesForgotten(forgotten));
    }
    writes.applied(record.token());
  }

  /**
   * The notices this node sent shortly before it learned of {@code dependent}, registered through
   * another node: that node's answer to it may lack them. It may also have them; the dependent then
   * hears twice.
   */
  private Runnable catchUp(ServiceInfo dependent) {
    Runnable deliveries = () -> {};
    for (Change missed : recent.missedBy(dependent.requiredServices(), dependent.addr())) {
      deliveries = andThen(deliveries, sink.enqueue(missed, List.of(dependent.addr())));
    }
    return deliveries;
  }

  private static Runnable andThen(Runnable first, Runnable second) {
    return () -> {
      first.run();
      second.run();
    };
  }

  private boolean isNew(RegistrationRecord record) {
    Registration live = directory.get(record.info().id());
    RegistrationRecord known = live != null ? live.record() : tombstones.get(record.key());
    return known == null || record.version() > known.version();
  }

  private Change put(RegistrationRecord record) {
    tombstones.remove(record.key());
    Registration registration =
        new Registration(record, shared.addressPartition(record.info().addr()));
    Registration replaced = directory.put(registration);
    ServiceInfo info = record.info();
    if (replaced == null) {
      return new Change(Change.Kind.REGISTERED, info, record.at(), record.traceParent());
    }
    ServiceInfo before = replaced.info();
    if (before.status() != info.status()) {
      registration.continueHeartBeats(replaced); // the same registration, in another status
      Change.Kind kind =
          info.inService() ? Change.Kind.BACK_IN_SERVICE : Change.Kind.OUT_OF_SERVICE;
      return new Change(
          kind,
          info,
          record.at(),
          record.traceParent(),
          Change.Notice.of(kind, info),
          record.statusBy());
    }
    // dependents hear of new Meta (weight, zone, version) at once; other replacements are silent
    boolean newMeta = info.inService() && !before.meta().equals(info.meta());
    return new Change(
        Change.Kind.REPLACED,
        info,
        record.at(),
        record.traceParent(),
        newMeta ? Change.Notice.ADD : Change.Notice.NONE,
        "");
  }

  private Change remove(RegistrationRecord tombstone) {
    tombstones.put(tombstone);
    Registration removed = directory.remove(tombstone.info().id());
    return removed == null
        ? null
        : new Change(kindOf(tombstone), removed.info(), tombstone.at(), tombstone.traceParent());
  }

  private static Change.Kind kindOf(RegistrationRecord tombstone) {
    return tombstone.state() == State.EVICTED ? Change.Kind.EVICTED : Change.Kind.DEREGISTERED;
  }

  /**
   * This node sends the notices of a write that names it, or of one whose sender left and whose key
   * it owns.
   */
  private boolean notifies(RegistrationRecord record) {
    return record.notifier().equals(shared.localMemberId()) || orphaned(record);
  }

  private boolean orphaned(RegistrationRecord record) {
    return !shared.isMember(record.notifier()) && shared.ownsKey(record.key());
  }

  private void expired(RegistrationRecord record) {
    lock.writeLock().lock();
    try {
      tombstones.expired(record);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Queues again, for each key this node owns now and whose last write named a departed member as
   * sender, the notice of that write: the departed member may have died before sending it. Also
   * forgets tombstones whose expiry this node missed.
   */
  private void membersLeft(Set<UUID> members) {
    List<Runnable> deliveries = new ArrayList<>();
    lock.writeLock().lock();
    try {
      for (Registration registration : directory.registrations()) {
        if (orphaned(registration.record())) {
          RegistrationRecord record = registration.record();
          ServiceInfo info = registration.info();
          // the departed member may have owed the notice of its registration, or of its drain
          Change change =
              new Change(
                  info.inService() ? Change.Kind.REGISTERED : Change.Kind.OUT_OF_SERVICE,
                  info,
                  record.at(),
                  record.traceParent());
          deliveries.add(
              sink.enqueue(change, directory.dependentAddresses(change.instance().name())));
        }
      }
      for (RegistrationRecord tombstone : tombstones.matching(this::orphaned)) {
        Change change =
            new Change(
                kindOf(tombstone), tombstone.info(), tombstone.at(), tombstone.traceParent());
        deliveries.add(
            sink.enqueue(change, directory.dependentAddresses(change.instance().name())));
      }
      tombstones.forgetMissedExpiries(clock.instant());
    } finally {
      lock.writeLock().unlock();
    }
    deliveries.forEach(Runnable::run);
    LOG.log(
        Level.INFO,
        "Members {0} left the registry cluster: notices of {1} changes they were to send queued"
            + " again",
        new Object[] {members, deliveries.size()});
  }

  /** How many instances are out of service, registered or within their retention. */
  public int outOfServiceCount() {
    return overrides().size();
  }

  /** Every known service with its live instances; {@code []} for known services without one. */
  public Map<String, List<ServiceInfo>> services() {
    return read(directory::all);
  }

  public List<ServiceInfo> instancesOf(String name) {
    return read(() -> directory.instancesOf(name));
  }

  /** The instances of {@code name} as the JSON answer of a lookup, kept until they change. */
  public byte[] instancesJsonOf(String name) {
    byte[] cached = instancesJson.get(name);
    return cached != null ? cached : read(() -> instancesJson.render(name, directory));
  }

  public int instanceCount(String name) {
    return read(() -> directory.instanceCount(name));
  }

  /** A snapshot of the current registrations, for the operations endpoints. */
  public List<Registration> registrations() {
    return read(directory::registrations);
  }

  /**
   * The addresses whose heart-beats this node checks, each with its registrations: those in the
   * partitions it owns now (one node probes an address for every service registered there). The
   * table keeps its addresses grouped by partition, so a round asks Hazelcast once for the
   * partitions' owners and copies no registration.
   */
  public List<AddressRegistrations> ownedAddresses() {
    boolean[] owned = shared.ownedPartitions();
    return read(() -> directory.addressesIn(owned));
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
