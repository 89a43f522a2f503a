package org.servicegrid.visit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Owns the application's one {@link VisitCounter}: loads the saved count when the application starts (a
 * state file that cannot be read stops the deployment rather than restarting from zero), counts visits
 * through the log service, and saves the count when the application stops.
 */
@ApplicationScoped
public class VisitService {

  private static final Logger LOG = Logger.getLogger(VisitService.class.getName());

  @Inject VisitConfig config;
  @Inject LogSender log;
  @Inject VisitMetrics metrics;

  private VisitCounter counter;

  @PostConstruct
  void load() {
    VisitStateStore store = new VisitStateStore(config.stateFile());
    try {
      counter = new VisitCounter(store.load(), config.maxGroup(), config.waitTimeout(), store);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot load the visit count", e);
    }
    metrics.watch(counter::current);
    LOG.log(Level.INFO, "Visit count {0} loaded from {1}",
        new Object[] {String.valueOf(counter.current()), store.file()});
  }

  /** Loads the count as soon as the application starts, not with the first visit. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    LOG.log(Level.FINE, "Visit service started at count {0}", String.valueOf(counter.current()));
  }

  /** Counts one visit; its number, or {@link VisitNotCountedException} with the count unchanged. */
  public long visit() {
    try {
      long number = counter.visit(log::record);
      metrics.counted();
      return number;
    } catch (VisitNotCountedException e) {
      metrics.refused();
      throw e;
    }
  }

  @PreDestroy
  void save() {
    counter.persist();
    LOG.log(Level.INFO, "Visit count {0} saved", String.valueOf(counter.current()));
  }
}
