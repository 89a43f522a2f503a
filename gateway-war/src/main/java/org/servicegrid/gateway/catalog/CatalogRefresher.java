package org.servicegrid.gateway.catalog;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicegrid.protocol.tracing.TraceScope;
import org.servicegrid.protocol.tracing.Tracing;

/**
 * Keeps the catalogue fresh in the background, so services registered since the last request are
 * usually known (and their instances subscribed to) before the first request for them arrives. The
 * first load starts at application start without delaying it. Each run schedules the next one-shot
 * task instead of using a fixed rate: every {@code gateway.catalog.refresh-period} while the
 * registry answers, every {@code gateway.catalog.retry-delay} while it does not, and never two runs
 * at once.
 */
@ApplicationScoped
public class CatalogRefresher {

  private static final Logger LOG = Logger.getLogger(CatalogRefresher.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject ServiceCatalog catalog;
  @Inject CatalogSettings settings;

  private ScheduledFuture<?> next;
  private boolean stopped;

  void start(@Observes Startup event) {
    schedule(Duration.ZERO);
  }

  private void run() {
    Duration delay = settings.retryDelay();
    try (TraceScope unrecorded = Tracing.unrecorded()) { // a trace per refresh would be noise
      delay = catalog.refresh().reachable() ? settings.refreshPeriod() : settings.retryDelay();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Refreshing the service catalogue failed", e);
    } finally {
      schedule(delay);
    }
  }

  /**
   * Synchronized with {@link #stop} so no task is scheduled after the application began to stop.
   */
  private synchronized void schedule(Duration delay) {
    if (!stopped) {
      next = scheduler.schedule(this::run, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @PreDestroy
  synchronized void stop() {
    stopped = true;
    if (next != null) {
      next.cancel(false);
    }
  }
}
