package org.servicegrid.visit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.servicegrid.protocol.tracing.Tracing;

/**
 * Owns the application's one {@link VisitCounter} and the {@link VisitCountStore} in the database
 * behind {@code jdbc/visits}: prepares the store when the application starts (a database that does
 * not answer yet does not stop the deployment: visits answer 503 until it does) and counts visits
 * through the log service.
 */
@ApplicationScoped
public class VisitService {

  private static final Logger LOG = Logger.getLogger(VisitService.class.getName());

  @Resource(lookup = "jdbc/visits")
  DataSource dataSource;

  @Inject CounterSettings counterSettings;
  @Inject CountStoreSettings storeSettings;
  @Inject LogSender log;
  @Inject VisitMetrics metrics;
  @Inject Tracing tracing;

  private VisitCountStore store;
  private VisitCounter counter;

  @PostConstruct
  void load() {
    store = new VisitCountStore(dataSource, storeSettings.lockTimeout());
    long count = 0;
    try {
      count = store.prepare();
      LOG.log(Level.INFO, "Visit count {0} loaded from the database", String.valueOf(count));
    } catch (SQLException e) {
      LOG.log(
          Level.WARNING,
          "Visit count database unavailable at start; visits answer 503 until it answers: {0}",
          e.toString());
    }
    counter =
        new VisitCounter(count, counterSettings.maxGroup(), counterSettings.waitTimeout(), tracing);
    metrics.watch(counter::current);
  }

  /** Prepares the store as soon as the application starts, not with the first visit. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    LOG.log(Level.FINE, "Visit service started at count {0}", String.valueOf(counter.current()));
  }

  /** Counts one visit; its number, or {@link VisitNotCountedException} with the count unchanged. */
  public long visit() {
    try {
      long number = counter.visit(visits -> store.advance(visits, log::record));
      metrics.counted();
      return number;
    } catch (VisitNotCountedException e) {
      metrics.refused();
      throw e;
    }
  }
}
