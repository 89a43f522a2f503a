package org.servicegrid.registry.heartbeat;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.registry.Failures;
import org.servicegrid.registry.table.Registration;

/**
 * Decides, from heart-beat answers, which registrations stay and which are evicted, without a container:
 * the probe, executor, delayer, table and clock are passed in so the rules are unit-tested.
 *
 * <p>Rules: a missed heart-beat makes the instance FAILING and is retried after the retry pause (not after a
 * whole period, to evict quickly); {@code attempts} misses in a row evict exactly the registration that was
 * checked (a newer registration of the same Name+Addr is not touched); one answered heart-beat makes it UP
 * again. At most {@code parallelism} checks run at once, each on its own worker, so one hung instance costs
 * one worker one read timeout and does not delay the others; a registration is never checked twice at once.
 */
public final class HeartBeatChecker {

  /** Asks one instance for its heart-beat; returns normally when it answered 200. */
  @FunctionalInterface
  public interface Probe {
    void beat(ServiceInfo instance) throws Exception;
  }

  /** Runs a task after a delay. */
  @FunctionalInterface
  public interface Delayer {
    void schedule(Runnable task, Duration delay);
  }

  /** What the checker needs from the table. */
  public interface Table {
    boolean isCurrent(Registration registration);

    void evict(Registration registration);
  }

  private static final Logger LOG = Logger.getLogger(HeartBeatChecker.class.getName());

  private final HeartBeatSettings settings;
  private final Probe probe;
  private final Table table;
  private final Executor workers;
  private final Delayer delayer;
  private final Clock clock;
  private final Runnable onMissed;
  private final Set<Registration> inFlight = ConcurrentHashMap.newKeySet();
  private final Queue<Registration> due = new ConcurrentLinkedQueue<>();
  private final Semaphore permits;

  public HeartBeatChecker(HeartBeatSettings settings, Probe probe, Table table, Executor workers,
      Delayer delayer, Clock clock, Runnable onMissed) {
    this.settings = settings;
    this.probe = probe;
    this.table = table;
    this.workers = workers;
    this.delayer = delayer;
    this.clock = clock;
    this.onMissed = onMissed;
    this.permits = new Semaphore(settings.parallelism());
  }

  /** Checks each registration that is not already being checked (or waiting for a retry). */
  public void checkAll(Collection<Registration> registrations) {
    registrations.stream().filter(inFlight::add).forEach(due::add);
    startChecks();
  }

  /** Starts a check for each due registration while fewer than {@code parallelism} run. */
  private void startChecks() {
    while (!due.isEmpty() && permits.tryAcquire()) {
      Registration registration = due.poll();
      if (registration == null) {
        permits.release();
        continue;
      }
      workers.execute(() -> {
        try {
          check(registration);
        } finally {
          permits.release();
          startChecks(); // whatever became due while every permit was taken
        }
      });
    }
  }

  private void check(Registration registration) {
    if (!table.isCurrent(registration)) { // deregistered or replaced meanwhile: nothing left to decide
      inFlight.remove(registration);
      return;
    }
    try {
      probe.beat(registration.info());
      if (registration.heartBeatAnswered(clock.instant())) {
        LOG.log(Level.INFO, "{0} answers heart-beats again", registration);
      }
      LOG.log(Level.FINE, "Heart-beat of {0} answered", registration);
      inFlight.remove(registration);
    } catch (Exception e) {
      if (table.isCurrent(registration)) { // a registration that left meanwhile has not failed
        missed(registration, Failures.describe(e));
      } else {
        inFlight.remove(registration);
      }
    }
  }

  private void missed(Registration registration, String reason) {
    int failures = registration.heartBeatMissed();
    onMissed.run();
    LOG.log(Level.FINE, "Heart-beat {0}/{1} of {2} failed: {3}",
        new Object[] {failures, settings.attempts(), registration, reason});
    if (failures < settings.attempts()) {
      delayer.schedule(() -> {
        due.add(registration);
        startChecks();
      }, settings.retryPause());
      return;
    }
    LOG.log(Level.WARNING, "Evicting {0}: {1} heart-beats in a row failed, the last with {2}",
        new Object[] {registration, failures, reason});
    inFlight.remove(registration);
    table.evict(registration);
  }
}
