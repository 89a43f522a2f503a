package org.servicegrid.registry.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicegrid.registry.events.EventLog;
import org.servicegrid.registry.metrics.RegistryMetrics;
import org.servicegrid.registry.table.Change;

/** Reports notice outcomes: latency timer, failure counter, the recent-events log and the server log. */
@ApplicationScoped
public class DeliveryRecorder implements DeliveryListener {

  private static final Logger LOG = Logger.getLogger(DeliveryRecorder.class.getName());

  @Inject private RegistryMetrics metrics;
  @Inject private EventLog events;

  @Override
  public void delivered(String address, Change change, Duration latency) {
    metrics.notificationDelivered(latency);
    LOG.log(Level.FINE, "Told {0} that {1} at {2} was {3} ({4} ms after the change)",
        new Object[] {address, change.instance().name(), change.instance().addr(), change.kind(),
            latency.toMillis()});
  }

  @Override
  public void failed(String address, Change change, String reason) {
    metrics.notificationFailed();
    events.notificationFailed(address, change, reason);
    LOG.log(Level.WARNING, "Could not tell {0} that {1} at {2} was {3}: {4}",
        new Object[] {address, change.instance().name(), change.instance().addr(), change.kind(), reason});
  }
}
