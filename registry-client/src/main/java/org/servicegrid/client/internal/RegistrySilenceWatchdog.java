package org.servicegrid.client.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Notices when the registry stops heart-beating this instance. The registry checks every instance
 * about once a second, so a silence longer than {@code registry.client.registry-silence} means it
 * evicted this instance (e.g. after a pause) or restarted with an empty table; either way
 * re-registering repairs it, and costs nothing if the registry still knew this instance (same
 * Name+Addr replaces). The check runs twice per silence period (at most once a second) so a silence
 * is detected within 1.5 periods.
 */
@ApplicationScoped
class RegistrySilenceWatchdog {

  private static final Logger LOG = Logger.getLogger(RegistrySilenceWatchdog.class.getName());

  @Inject ClientConfig config;
  @Inject RegistrationState state;
  @Inject Registrar registrar;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService executor;

  private volatile ScheduledFuture<?> task; // written at start and stop only

  void start() {
    Duration silence = config.registrySilence();
    long period = Math.max(50, Math.min(1000, silence.toMillis() / 2));
    task = executor.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
  }

  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  private void check() {
    Duration silence = config.registrySilence();
    if (state.becameSilent(silence)) {
      LOG.log(
          Level.WARNING,
          "No heart-beat from the registry for over {0} ms; re-registering",
          silence.toMillis());
      registrar.requestRegistration();
    }
  }
}
