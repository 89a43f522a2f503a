package org.servicegrid.registry.table;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes every change of the table to the server log: INFO for instances joining or leaving (what
 * an operator looks for), FINE for replaces and forgotten names (routine). It observes the table's
 * events, so it runs after the table released its lock.
 */
@ApplicationScoped
public class ChangeLog {

  private static final Logger LOG = Logger.getLogger(ServiceTable.class.getName());

  void onChange(@Observes Change change) {
    Level level = change.kind() == Change.Kind.REPLACED ? Level.FINE : Level.INFO;
    LOG.log(
        level,
        "{0} {1} at {2}",
        new Object[] {change.kind(), change.instance().name(), change.instance().addr()});
  }

  void onForgotten(@Observes ServicesForgotten forgotten) {
    LOG.log(Level.FINE, "Forgot idle services {0}", forgotten.names());
  }
}
