package org.servicegrid.registry.heartbeat;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicegrid.protocol.Failures;
import org.servicegrid.registry.table.AddressRegistrations;
import org.servicegrid.registry.table.Registration;
import org.servicegrid.registry.table.ServiceTable;

/**
 * Decides, from heart-beat answers, which registrations stay and which are evicted, without a
 * container: the probe, executor, delayer, table and clock are passed in so the rules are
 * unit-tested. Whether a registration is still current is read from the registration itself,
 * without a call into the table EJB.
 *
 * <p>The heart-beat is a property of an address, not of a name: {@code GET
 * http://{Addr}/heart-beat} is the same call for every service registered at that Addr. So each
 * round asks each address once and applies the answer to every registration at it; a process that
 * registers several services costs one call, not one per service.
 *
 * <p>Rules: a missed heart-beat makes the instances at the address FAILING and is retried after the
 * retry pause (not after a whole period, to evict quickly); {@code attempts} misses in a row evict
 * exactly the registration that was checked (a newer registration of the same Name+Addr is not
 * touched); one answered heart-beat makes them UP again. At most {@code parallelism} probes are in
 * flight at once; a probe holds no thread while it waits, so one hung address costs one of them for
 * one read timeout and does not delay the others. Misses are decided on the workers. An address is
 * never checked twice at once, and registrations seen while their address is being checked join
 * that check.
 */
public final class HeartBeatChecker {

  /**
   * Asks the instances at one address for their heart-beat without blocking: the stage completes
   * normally when the address answered 200, exceptionally when it did not (in time).
   */
  @FunctionalInterface
  public interface Probe {
    CompletableFuture<Void> beat(String address);
  }

  /** Runs a task after a delay. */
  @FunctionalInterface
  public interface Delayer {
    void schedule(Runnable task, Duration delay);
  }

  private static final Logger LOG = Logger.getLogger(HeartBeatChecker.class.getName());

  /** How far apart the slices of a round start. */
  static final long SLICE_MILLIS = 20;

  private final HeartBeatSettings settings;
  private final Probe probe;
  private final ServiceTable table;
  private final Executor workers;
  private final Delayer delayer;
  private final Clock clock;
  private final Runnable onMissed;
  private final EvictionTrace evictions;
  private final ConcurrentMap<String, AddressCheck> inFlight = new ConcurrentHashMap<>();
  private final Queue<AddressCheck> due = new ConcurrentLinkedQueue<>();
  private final Semaphore permits;

  public HeartBeatChecker(
      HeartBeatSettings settings,
      Probe probe,
      ServiceTable table,
      Executor workers,
      Delayer delayer,
      Clock clock,
      Runnable onMissed,
      EvictionTrace evictions) {
    this.settings = settings;
    this.probe = probe;
    this.table = table;
    this.workers = workers;
    this.delayer = delayer;
    this.clock = clock;
    this.onMissed = onMissed;
    this.evictions = evictions;
    this.permits = new Semaphore(settings.parallelism());
  }

  private volatile boolean stopped;

  /**
   * Starts no check from now on (the server stops): those in flight end within their timeouts, and
   * what they would have decided is left to the next start.
   */
  public void stop() {
    stopped = true;
  }

  /**
   * Checks the address of each registration once, starting now; an address already being checked
   * (or waiting for a retry) takes the registrations into that check instead.
   */
  public void checkAll(Collection<Registration> registrations) {
    byAddress(registrations).forEach(this::enqueue);
    startChecks();
  }

  /**
   * Checks each address once within {@code period}, spread evenly over it: the addresses, in the
   * table's order, which stays the same from round to round, go in {@code period / SLICE} slices
   * started one {@code SLICE} apart, so that each address is asked about one period after its last
   * probe and the instances never see the whole round at once.
   */
  public void checkRound(List<AddressRegistrations> addresses, Duration period) {
    int slices = (int) Math.max(1, Math.min(addresses.size(), period.toMillis() / SLICE_MILLIS));
    for (int slice = 0; slice < slices; slice++) {
      List<AddressRegistrations> part =
          addresses.subList(
              addresses.size() * slice / slices, addresses.size() * (slice + 1) / slices);
      Runnable start =
          () -> {
            part.forEach(a -> enqueue(a.address(), a.registrations()));
            startChecks();
          };
      if (slice == 0) {
        start.run();
      } else {
        delayer.schedule(start, period.multipliedBy(slice).dividedBy(slices));
      }
    }
  }

  private static Map<String, List<Registration>> byAddress(Collection<Registration> registrations) {
    Map<String, List<Registration>> byAddress = new LinkedHashMap<>();
    registrations.forEach(
        r -> byAddress.computeIfAbsent(r.info().addr(), a -> new ArrayList<>()).add(r));
    return byAddress;
  }

  private void enqueue(String address, List<Registration> atAddress) {
    AddressCheck fresh = new AddressCheck(address);
    AddressCheck check = inFlight.merge(address, fresh, (running, unused) -> running);
    check.add(atAddress);
    if (check == fresh) {
      due.add(check);
    }
  }

  /** Starts a probe for each due address while fewer than {@code parallelism} are in flight. */
  private void startChecks() {
    while (!stopped && !due.isEmpty() && permits.tryAcquire()) {
      AddressCheck check = due.poll();
      if (check == null) {
        permits.release();
        continue;
      }
      if (!check.keepCurrent()) { // all deregistered or replaced: nothing to decide
        finish(check);
        permits.release();
        continue;
      }
      CompletableFuture<Void> answer;
      try {
        answer = probe.beat(check.address);
      } catch (RuntimeException e) {
        answer = CompletableFuture.failedFuture(e);
      }
      // An answer is recorded on the thread that completed the probe (the prober's: a few field
      // writes, no hand-off per probe); a miss is decided on a worker, since an eviction writes to
      // the cluster and waits for it.
      answer.whenComplete(
          (ok, failure) -> {
            if (failure == null) {
              decided(() -> answered(check));
            } else {
              workers.execute(() -> decided(() -> missed(check, failure)));
            }
          });
    }
  }

  private void decided(Runnable decision) {
    try {
      decision.run();
    } catch (
        RuntimeException e) { // an eviction the cluster did not take: the next round decides again
      LOG.log(
          stopped ? Level.FINE : Level.WARNING,
          "A heart-beat decision could not be applied: {0}",
          e.toString());
    } finally {
      permits.release();
      startChecks(); // whatever became due while every permit was taken
    }
  }

  private void answered(AddressCheck check) {
    Instant now = clock.instant();
    for (Registration registration : check.registrations()) {
      if (registration.heartBeatAnswered(now)) {
        LOG.log(Level.INFO, "{0} answers heart-beats again", registration);
      }
    }
    LOG.log(Level.FINE, "Heart-beat of {0} answered", check.address);
    finish(check);
  }

  private void missed(AddressCheck check, Throwable failure) {
    check.keepCurrent(); // one that left meanwhile has not failed
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof UncheckedIOException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    missed(check, Failures.describe(cause));
  }

  private void missed(AddressCheck check, String reason) {
    List<Registration> evict = new ArrayList<>();
    for (Registration registration : check.registrations()) {
      int failures = registration.heartBeatMissed();
      onMissed.run();
      LOG.log(
          Level.FINE,
          "Heart-beat {0}/{1} of {2} failed: {3}",
          new Object[] {failures, settings.attempts(), registration, reason});
      if (failures >= settings.attempts()) {
        evict.add(registration);
      }
    }
    check.remove(evict);
    for (Registration registration : evict) {
      LOG.log(
          Level.WARNING,
          "Evicting {0}: {1} heart-beats in a row failed, the last with {2}",
          new Object[] {registration, registration.consecutiveFailures(), reason});
      evictions.evict(registration, reason, () -> table.evict(registration));
    }
    if (check.registrations().isEmpty()) {
      finish(check);
      return;
    }
    delayer.schedule(
        () -> {
          due.add(check);
          startChecks();
        },
        settings.retryPause());
  }

  private void finish(AddressCheck check) {
    inFlight.remove(check.address, check);
  }

  /**
   * One address being checked, with the registrations its answer decides about: an immutable list
   * replaced under the check's lock, so that a round's check takes the table's list as it is and
   * the probe's answer reads it without copying (a round makes thousands of checks a second).
   */
  private static final class AddressCheck {
    final String address;
    private List<Registration> registrations = List.of();

    AddressCheck(String address) {
      this.address = address;
    }

    synchronized List<Registration> registrations() {
      return registrations;
    }

    /** Adds those of {@code more} that the check does not hold yet. */
    synchronized void add(List<Registration> more) {
      if (registrations.isEmpty()) {
        registrations = List.copyOf(more);
        return;
      }
      List<Registration> joined = new ArrayList<>(registrations);
      for (Registration registration : more) {
        if (!joined.contains(registration)) {
          joined.add(registration);
        }
      }
      registrations = List.copyOf(joined);
    }

    /** Keeps only the registrations still current; false when none is left. */
    synchronized boolean keepCurrent() {
      for (Registration registration : registrations) {
        if (!registration.isCurrent()) { // rare: a registration left since the round began
          List<Registration> current = new ArrayList<>(registrations);
          current.removeIf(r -> !r.isCurrent());
          registrations = List.copyOf(current);
          break;
        }
      }
      return !registrations.isEmpty();
    }

    synchronized void remove(List<Registration> evicted) {
      List<Registration> kept = new ArrayList<>(registrations);
      kept.removeAll(evicted);
      registrations = List.copyOf(kept);
    }
  }
}
