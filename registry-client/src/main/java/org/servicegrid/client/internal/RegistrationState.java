package org.servicegrid.client.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Where this instance stands with the registry, shared by the registration loop, the silence
 * watchdog, the callback resources and the readiness check. Transitions are {@code synchronized}
 * (they are a few field writes, never I/O); the last-heard time is volatile because every
 * heart-beat writes it and readers only need the latest value.
 */
@ApplicationScoped
public class RegistrationState {

  /** The phases of a registration's life. */
  enum Phase {
    STARTING,
    REGISTERING,
    REGISTERED,
    REREGISTERING,
    DEREGISTERED
  }

  /** A consistent view for the readiness check. */
  record Snapshot(Phase phase, String lastFailure, long silentForMillis) {}

  private volatile LongSupplier nanoClock = System::nanoTime;

  private Phase phase = Phase.STARTING;
  private String lastFailure;
  private boolean everRegistered;
  private volatile long lastHeardNanos = System.nanoTime();

  /** Tests replace the monotonic clock. */
  synchronized void useClock(LongSupplier clock) {
    nanoClock = clock;
    lastHeardNanos = clock.getAsLong();
  }

  synchronized void registering() {
    if (phase == Phase.STARTING) {
      phase = Phase.REGISTERING;
    }
  }

  synchronized void registered() {
    phase = Phase.REGISTERED;
    everRegistered = true;
    lastFailure = null;
    heard();
  }

  synchronized void failed(String reason) {
    lastFailure = reason;
  }

  /** The registry was heard from (a heart-beat, a notification or an answer). */
  void heard() {
    lastHeardNanos = nanoClock.getAsLong();
  }

  /**
   * True (once) when a registered instance has not heard from the registry for longer than {@code
   * silence}.
   */
  synchronized boolean becameSilent(Duration silence) {
    if (phase == Phase.REGISTERED && silentFor().compareTo(silence) > 0) {
      phase = Phase.REREGISTERING;
      lastFailure = "no heart-beat from the registry for " + silentFor().toMillis() + " ms";
      return true;
    }
    return false;
  }

  synchronized void deregistered() {
    phase = Phase.DEREGISTERED;
  }

  synchronized boolean everRegistered() {
    return everRegistered;
  }

  public synchronized boolean isRegistered() {
    return phase == Phase.REGISTERED;
  }

  synchronized Snapshot snapshot() {
    return new Snapshot(phase, lastFailure, silentFor().toMillis());
  }

  private Duration silentFor() {
    return Duration.ofNanos(nanoClock.getAsLong() - lastHeardNanos);
  }
}
