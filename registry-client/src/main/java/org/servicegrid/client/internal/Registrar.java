package org.servicegrid.client.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicegrid.protocol.ServiceInfo;

/**
 * Registers this instance with the registry and keeps trying, with exponential backoff, until it
 * succeeds.
 *
 * <p>Attempts run one at a time on the server's managed scheduled executor, so the application's
 * start never waits for the registry. A request that arrives while an attempt is in flight (new
 * required services, a silent registry) is remembered and served by one more attempt right after,
 * so the registry always ends up with the latest {@link SelfDescription}; requests while a retry is
 * already scheduled are coalesced into it. The small monitor below only guards that bookkeeping:
 * the HTTP call itself runs outside it.
 */
@ApplicationScoped
class Registrar {

  private static final Logger LOG = Logger.getLogger(Registrar.class.getName());

  @Inject ClientConfig config;
  @Inject SelfDescription self;
  @Inject RegistrationState state;
  @Inject InstanceTable table;
  @Inject RegistryCalls registry;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService executor;

  private final Object lock = new Object();
  private ScheduledFuture<?> scheduled; // guarded by lock
  private boolean inFlight; // guarded by lock
  private boolean again; // guarded by lock
  private boolean stopped = true; // guarded by lock
  private boolean deregistered; // guarded by lock
  private int failures; // only touched by the one attempt running at a time

  void start() {
    synchronized (lock) {
      stopped = false;
      deregistered = false;
    }
    state.registering();
    requestRegistration();
  }

  /** Registers (again) as soon as possible; safe to call from any thread at any time. */
  void requestRegistration() {
    schedule(Duration.ZERO);
  }

  private void schedule(Duration delay) {
    synchronized (lock) {
      if (stopped) {
        return;
      }
      if (inFlight) {
        again = true;
      } else if (scheduled == null || scheduled.isDone()) {
        scheduled = executor.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  private void attempt() {
    synchronized (lock) {
      if (stopped) {
        return;
      }
      inFlight = true;
      again = false;
      scheduled = null;
    }
    Duration next = null;
    ServiceInfo info = self.current();
    table.trackChanges();
    try {
      Map<String, List<ServiceInfo>> answer = registry.register(info);
      table.replace(answer);
      state.registered();
      failures = 0;
      LOG.log(
          Level.INFO,
          "Registered {0} with {1}; instances of required services: {2}",
          new Object[] {info.id(), config.registryUrl(), answer});
    } catch (RuntimeException e) {
      table.stopTrackingChanges();
      failures++;
      next = config.retryBackoff().delayAfter(failures);
      String reason = RegistryCalls.describe(e);
      state.failed("registration failed: " + reason);
      // The first failure is news; repeats while the registry stays away are chatter.
      LOG.log(
          failures == 1 ? Level.WARNING : Level.FINE,
          "Registration of {0} with {1} failed ({2}); attempt {3}, retrying in {4} ms",
          new Object[] {info.id(), config.registryUrl(), reason, failures, next.toMillis()});
    } finally {
      synchronized (lock) {
        inFlight = false;
        if (again && next == null) {
          next = Duration.ZERO;
        }
      }
    }
    if (next != null) {
      schedule(next);
    }
  }

  /**
   * Stops retrying and, if this instance was (or may be about to be) registered, deregisters it.
   * Only the first call after {@link #start} acts: the listener's close and the application's stop
   * both call it, saying {@code why} for the log (an operator sees which one did).
   */
  void stop(String why) {
    boolean mayBeRegistered;
    synchronized (lock) {
      if (deregistered) {
        return;
      }
      deregistered = true;
      stopped = true;
      if (scheduled != null) {
        scheduled.cancel(false);
      }
      // An attempt in flight may still reach the registry after this DELETE; the registry then
      // evicts this
      // instance once its heart-beats fail, which is the protocol's answer to any instance that
      // vanishes.
      mayBeRegistered = inFlight;
    }
    if (mayBeRegistered || state.everRegistered()) {
      ServiceInfo info = self.current();
      try {
        registry.deregister(info);
        LOG.log(Level.INFO, "Deregistered {0}: {1}", new Object[] {info.id(), why});
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Deregistration of {0} failed ({1}); the registry evicts it when heart-beats fail",
            new Object[] {info.id(), RegistryCalls.describe(e)});
      }
    }
    state.deregistered();
    registry.close();
  }
}
