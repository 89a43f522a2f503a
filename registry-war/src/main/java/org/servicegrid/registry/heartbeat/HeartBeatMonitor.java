package org.servicegrid.registry.heartbeat;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicegrid.protocol.tracing.Tracing;
import org.servicegrid.registry.metrics.RegistryMetrics;
import org.servicegrid.registry.table.ServiceTable;

/**
 * Checks every registered instance's heart-beat each {@code registry.heartbeat.period} and evicts
 * the ones that stop answering (rules in {@link HeartBeatChecker}). The tick is scheduled on the
 * {@link ManagedScheduledExecutorService} in {@code @PostConstruct} and cancelled in
 * {@code @PreDestroy}; it only snapshots the table and hands the round to the checker, which starts
 * the probes spread over the period and decides the misses on the monitor's own few threads, so a
 * slow round never delays the next tick. The time of the last tick backs the liveness check.
 * Bean-managed concurrency: the state is a volatile timestamp and the checker's concurrent
 * structures, nothing to lock.
 *
 * <p>The pool's threads, the prober's selector thread and the thread that starts a round's later
 * slices and the retries come from the {@link ManagedThreadFactory} and carry the application's
 * context from their creation: a round decides one answer per address (thousands a second with
 * thousands of instances) and starts 50 slices a second, and the managed executors capture and
 * apply the submitter's thread context for each task (at 100 000 instances on three nodes,
 * Liberty's scheduled executor and the executor threads running the slices spent about 4 us per
 * probe).
 */
@Singleton
@Startup
@DependsOn("ServiceTable")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class HeartBeatMonitor {

  private static final Logger LOG = Logger.getLogger(HeartBeatMonitor.class.getName());

  /** Threads that decide the misses (an eviction waits on the cluster). */
  private static final int WORKERS = 4;

  @Resource private ManagedScheduledExecutorService scheduler;
  @Resource private ManagedThreadFactory threadFactory;
  @Inject private ServiceTable table;
  @Inject private RegistryMetrics metrics;

  @Inject private HeartBeatSettings settings;
  @Inject private Tracing tracing;
  private HeartBeatProbe probe;
  private HeartBeatChecker checker;
  private ScheduledFuture<?> ticks;

  /**
   * Starts the round's later slices and the retries; shut down at stop, since run after it they
   * would enter a bean that is gone (Liberty warns, CNTR0092W).
   */
  private ScheduledThreadPoolExecutor rounds;

  private ThreadPoolExecutor workers;
  private volatile Instant started;
  private volatile Instant lastTick;

  @PostConstruct
  void start() {
    // Over HTTPS each probe still blocks a thread: room for parallelism of them beside the
    // deciders.
    int threads = WORKERS + (settings.transport().secure() ? settings.parallelism() : 0);
    workers =
        new ThreadPoolExecutor(
            threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threadFactory);
    workers.allowCoreThreadTimeOut(true); // no heart-beat threads while nothing is registered
    rounds = new ScheduledThreadPoolExecutor(1, new Named(threadFactory, "registry-rounds"));
    rounds.setRemoveOnCancelPolicy(true);
    try {
      probe = new HeartBeatProbe(settings, tracing.enabled(), workers, threadFactory);
    } catch (IOException e) {
      throw new UncheckedIOException("no selector for the heart-beat prober", e);
    }
    checker =
        new HeartBeatChecker(
            settings,
            probe,
            table,
            workers,
            this::delay,
            Clock.systemUTC(),
            metrics::heartBeatFailed,
            tracing.enabled() ? new EvictionTrace(tracing.spans().tracer()) : EvictionTrace.OFF);
    started = Instant.now();
    long period = settings.period().toMillis();
    ticks = scheduler.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
    LOG.log(
        Level.INFO,
        "Heart-beats every {0} ms, {1} attempts, {2} ms apart, up to {3} in flight",
        new Object[] {
          period, settings.attempts(), settings.retryPause().toMillis(), settings.parallelism()
        });
  }

  private void delay(Runnable task, Duration delay) {
    try {
      rounds.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) { // stopping: the next start decides again
      LOG.log(Level.FINE, "Heart-beat task not scheduled: the monitor stops");
    }
  }

  @PreDestroy
  void stop() {
    if (checker != null) {
      checker.stop();
    }
    if (ticks != null) {
      ticks.cancel(false);
    }
    if (rounds != null) {
      rounds.shutdownNow();
    }
    if (probe != null) {
      probe.stop();
    }
    // Nothing queued starts: a new managed thread cannot, once the bean stopped.
    if (workers != null) {
      workers.shutdownNow();
    }
  }

  private void tick() {
    try {
      lastTick = Instant.now();
      // Each address is probed by one node, the owner of its partition, spread over the period.
      checker.checkRound(table.ownedAddresses(), settings.period());
    } catch (RuntimeException e) { // an exception would silently cancel the periodic task
      LOG.log(Level.WARNING, "Heart-beat round failed", e);
    }
  }

  /**
   * Names the threads of {@code factory}: the name tells them apart in thread dumps and profiles.
   */
  private record Named(ThreadFactory factory, String name) implements ThreadFactory {
    @Override
    public Thread newThread(Runnable task) {
      Thread thread = factory.newThread(task);
      thread.setName(name);
      return thread;
    }
  }

  public Duration period() {
    return settings.period();
  }

  /** When the last round started, or when the monitor started if no round ran yet. */
  public Instant lastTick() {
    Instant last = lastTick;
    return last != null ? last : started;
  }

  /** True once a round ran. */
  public boolean hasTicked() {
    return lastTick != null;
  }
}
