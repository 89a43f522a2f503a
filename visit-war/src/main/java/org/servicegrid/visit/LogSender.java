package org.servicegrid.visit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicegrid.client.ServiceInstances;
import org.servicegrid.protocol.ServiceInfo;

/**
 * Records a visit in the log service: picks a live {@code log} instance through the registry client library
 * and posts the visit number to it. An instance that fails (no connection, timeout, 5xx) is reported to the
 * library, which skips it for its cool-down, and the next one is tried, up to {@code visit.log.attempts}.
 * A 4xx is not the instance's fault, so it is not reported and not retried elsewhere.
 */
@ApplicationScoped
public class LogSender implements VisitLog {

  static final String LOG_SERVICE = "log";
  static final String UNAVAILABLE = "log service unavailable";

  private static final Logger LOG = Logger.getLogger(LogSender.class.getName());

  @Inject ServiceInstances instances;
  @Inject VisitConfig config;

  @Override
  public void record(long visit) {
    for (int attempt = 1; attempt <= config.logAttempts(); attempt++) {
      Optional<ServiceInfo> instance = instances.pick(LOG_SERVICE);
      if (instance.isEmpty()) {
        LOG.log(Level.FINE, "No log instance available for visit {0}", String.valueOf(visit));
        break;
      }
      try {
        instances.client(instance.get(), LogClient.class).append(Long.toString(visit));
        return;
      } catch (WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        LOG.log(Level.WARNING, "Log instance {0} answered {1} for visit {2}",
            new Object[] {instance.get().id(), status, String.valueOf(visit)});
        if (!blamesInstance(status)) {
          break;
        }
        instances.reportFailure(instance.get());
      } catch (ProcessingException e) {
        LOG.log(Level.WARNING, "Log instance {0} unreachable for visit {1}: {2}",
            new Object[] {instance.get().id(), String.valueOf(visit), String.valueOf(e.getMessage())});
        instances.reportFailure(instance.get());
      }
    }
    throw new VisitNotCountedException(UNAVAILABLE);
  }

  /** A 5xx is the instance's trouble (try another); a 4xx means this request is wrong anywhere. */
  static boolean blamesInstance(int status) {
    return status >= 500;
  }
}
