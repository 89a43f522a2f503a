package org.servicegrid.visit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicegrid.client.ServiceInstances;
import org.servicegrid.protocol.ServiceInfo;

/**
 * Records a group of visits in the log service: picks a live {@code log} instance through the
 * registry client library and posts the group's numbers to it in one batch, one line per number,
 * accepted or refused whole. An instance that fails (no connection, timeout, 5xx) is reported to
 * the library, which skips it for its cool-down, and the next one is tried, up to {@code
 * visit.log.attempts}. A 4xx is not the instance's fault, so it is not reported and not retried
 * elsewhere.
 */
@ApplicationScoped
public class LogSender {

  static final String LOG_SERVICE = "log";
  static final String UNAVAILABLE = "log service unavailable";

  private static final Logger LOG = Logger.getLogger(LogSender.class.getName());

  @Inject ServiceInstances instances;
  @Inject LogBatchClient client;
  @Inject LogCallSettings settings;

  /**
   * Records the numbers {@code first} .. {@code first + count - 1} all together or not at all;
   * returns once they are recorded, throws {@link VisitNotCountedException} when none of them was.
   */
  public void record(long first, int count) {
    List<String> numbers = new ArrayList<>(count);
    for (long visit = first; visit < first + count; visit++) {
      numbers.add(Long.toString(visit));
    }
    String visits = count == 1 ? Long.toString(first) : first + ".." + (first + count - 1);
    List<ServiceInfo> tried = new ArrayList<>(2);
    for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
      Optional<ServiceInfo> instance = instances.pickOther(LOG_SERVICE, tried);
      if (instance.isEmpty()) {
        LOG.log(Level.FINE, "No log instance available for visits {0}", visits);
        break;
      }
      tried.add(instance.get());
      int status;
      try {
        status = client.appendAll(instance.get().addr(), numbers);
      } catch (IOException e) {
        LOG.log(
            Level.WARNING,
            "Log instance {0} unreachable for visits {1}: {2}",
            new Object[] {instance.get().id(), visits, e.toString()});
        instances.reportFailure(instance.get());
        continue;
      }
      if (status / 100 == 2) {
        return;
      }
      LOG.log(
          Level.WARNING,
          "Log instance {0} answered {1} for visits {2}",
          new Object[] {instance.get().id(), status, visits});
      if (!blamesInstance(status)) {
        break;
      }
      instances.reportFailure(instance.get());
    }
    throw new VisitNotCountedException(UNAVAILABLE);
  }

  /** A 5xx is the instance's trouble (try another); a 4xx means this request is wrong anywhere. */
  static boolean blamesInstance(int status) {
    return status >= 500;
  }
}
